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

function ColumnBars({ rows, max }: { rows: readonly ChartRow[]; max: number }) {
  const width = Math.max(rows.length * 16, 240);
  const step = width / rows.length;
  // A label under every bar only while they fit; otherwise every seventh (a week of days).
  const every = rows.length <= 31 ? 1 : 7;
  return (
    <svg
      aria-hidden="true"
      viewBox={`0 0 ${width} ${columnsHeight + 40}`}
      className="h-52 w-full"
      preserveAspectRatio="none"
    >
      <line x1={0} x2={width} y1={columnsHeight} y2={columnsHeight} className="stroke-solid-gray-600" />
      {rows.map((row, i) => {
        const height = (row.value / max) * (columnsHeight - 16);
        const x = i * step;
        return (
          <g key={row.label}>
            <rect
              x={x + step * 0.15}
              y={columnsHeight - height}
              width={step * 0.7}
              height={height}
              className="fill-blue-900"
            />
            {row.value > 0 && (
              <text x={x + step / 2} y={columnsHeight - height - 3} textAnchor="middle" fontSize={10}>
                {row.value}
              </text>
            )}
            {i % every === 0 && (
              <text x={x + step / 2} y={columnsHeight + 14} textAnchor="middle" fontSize={10}>
                {shortLabel(row.label)}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}

/** "2026-11-02" → "11/2"; other labels as they are. */
function shortLabel(label: string): string {
  const date = /^\d{4}-(\d{2})-(\d{2})$/.exec(label);
  return date ? `${Number(date[1])}/${Number(date[2])}` : label;
}

function RowBars({ rows, max }: { rows: readonly ChartRow[]; max: number }) {
  const shown = rows.slice(0, 20);
  const rowHeight = 24;
  return (
    <svg aria-hidden="true" viewBox={`0 0 600 ${shown.length * rowHeight}`} className="w-full">
      {shown.map((row, i) => {
        const y = i * rowHeight;
        return (
          <g key={row.label}>
            <text x={0} y={y + 16} fontSize={12}>
              {row.label.length > 16 ? `${row.label.slice(0, 15)}…` : row.label}
            </text>
            <rect x={200} y={y + 4} width={(row.value / max) * 340} height={16} className="fill-blue-900" />
            <text x={204 + (row.value / max) * 340} y={y + 16} fontSize={12}>
              {row.shown ?? row.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
