import { focusRing, TableHead } from "../app/ui.tsx";

export interface ChartRow {
  label: string;
  value: number;
  /** what the table shows for the value, e.g. "12.5 分"; the number itself by default */
  shown?: string;
  /** further columns of the table (e.g. 完了 per procedure) */
  more?: readonly string[];
}

interface BarChartProps {
  title: string;
  /** the table's first two column headers */
  labelHeader: string;
  valueHeader: string;
  moreHeaders?: readonly string[];
  rows: readonly ChartRow[];
  /** columns: a bar per day or hour, left to right; rows: a bar per name, top to bottom */
  layout: "columns" | "rows";
}

const columnsHeight = 160;

/**
 * A bar chart drawn for the purpose, and below it the same numbers as a table: the drawing is for the
 * eye (hidden from screen readers), the table is what is read, copied and checked.
 */
export function BarChart({ title, labelHeader, valueHeader, moreHeaders = [], rows, layout }: BarChartProps) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <figure className="flex flex-col gap-3 rounded-8 border border-solid-gray-420 bg-white p-4">
      <figcaption className="text-std-20B-150">{title}</figcaption>
      {rows.length === 0 ? (
        <p className="text-dns-16N-130 text-solid-gray-700">この期間にはありません。</p>
      ) : layout === "columns" ? (
        <ColumnBars rows={rows} max={max} />
      ) : (
        <RowBars rows={rows} max={max} />
      )}
      {rows.length > 0 && (
        <section
          aria-label={`${title}（表）`}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a year of days scrolls inside this box; focus lets the keyboard scroll it
          tabIndex={0}
          className={`max-h-96 overflow-auto ${focusRing}`}
        >
          <table className="w-full border-collapse text-left text-dns-16N-130">
            <caption className="sr-only">{title}</caption>
            <TableHead columns={[labelHeader, valueHeader, ...moreHeaders]} nowrap />
            <tbody>
              {rows.map((row) => (
                <tr key={row.label} className="border-b border-solid-gray-420">
                  <th scope="row" className="px-3 py-1 text-dns-16N-130">
                    {row.label}
                  </th>
                  <td className="px-3 py-1 text-right tabular-nums">{row.shown ?? row.value}</td>
                  {row.more?.map((cell, i) => (
                    <td key={moreHeaders[i] ?? i} className="px-3 py-1 text-right tabular-nums">
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </figure>
  );
}

/*
 * The drawings use percentages across and pixels down, without a viewBox: the bars stretch with the
 * box while the numbers keep the page's text size.
 */
function ColumnBars({ rows, max }: { rows: readonly ChartRow[]; max: number }) {
  const step = 100 / rows.length;
  // About a dozen labels under the axis, whatever the period's length.
  const every = Math.ceil(rows.length / 12);
  const pct = (n: number) => `${n}%`;
  return (
    <svg
      aria-hidden="true"
      width="100%"
      height={columnsHeight + 24}
      overflow="visible"
      className="text-solid-gray-800"
    >
      <line x1="0" x2="100%" y1={columnsHeight} y2={columnsHeight} className="stroke-solid-gray-600" />
      {rows.map((row, i) => {
        const height = (row.value / max) * (columnsHeight - 20);
        return (
          <g key={row.label}>
            <rect
              x={pct(i * step + step * 0.15)}
              y={columnsHeight - height}
              width={pct(step * 0.7)}
              height={height}
              className="fill-blue-900"
            />
            {row.value > 0 && (
              <text
                x={pct(i * step + step / 2)}
                y={columnsHeight - height - 4}
                textAnchor="middle"
                fontSize={12}
              >
                {row.value}
              </text>
            )}
            {i % every === 0 && (
              <text x={pct(i * step + step / 2)} y={columnsHeight + 16} textAnchor="middle" fontSize={12}>
                {shortLabel(row.label)}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}

/** "2026-11-02" → "11/2", "9時" → "9"; other labels as they are. */
function shortLabel(label: string): string {
  const date = /^\d{4}-(\d{2})-(\d{2})$/.exec(label);
  if (date) return `${Number(date[1])}/${Number(date[2])}`;
  return label.replace(/時$/, "");
}

function RowBars({ rows, max }: { rows: readonly ChartRow[]; max: number }) {
  // the twenty largest; the table below has them all
  const shown = rows.slice(0, 20);
  const rowHeight = 28;
  return (
    <svg aria-hidden="true" width="100%" height={shown.length * rowHeight} className="text-solid-gray-800">
      {shown.map((row, i) => {
        const y = i * rowHeight;
        const width = (row.value / max) * 45;
        return (
          <g key={row.label}>
            <text x="0" y={y + 19} fontSize={14}>
              {row.label.length > 14 ? `${row.label.slice(0, 13)}…` : row.label}
            </text>
            <rect x="40%" y={y + 5} width={`${width}%`} height={18} className="fill-blue-900" />
            <text x={`${41 + width}%`} y={y + 19} fontSize={14}>
              {row.shown ?? row.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
