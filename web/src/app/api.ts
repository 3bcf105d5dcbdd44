import { apiErrorSchema } from "@ichimado/core/common/errors";
import type { z } from "zod";

/** A failed API call, carrying the server's Japanese message to show staff as-is. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

const unauthenticatedListeners = new Set<() => void>();

/** Called whenever the server answers 401 (session expired or logged out elsewhere). */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

/**
 * Calls `/api/v1{path}` with the session cookie. Unsafe methods send the header the server's CSRF
 * check requires; a JSON answer is parsed with the shared schema, an error becomes an ApiError.
 */
export async function apiRequest<T>(
  method: Method,
  path: string,
  schema: z.ZodType<T>,
  body?: unknown,
): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (method !== "GET") headers["X-Requested-With"] = "ichimado";
  if (body !== undefined) headers["Content-Type"] = "application/json";
  return send(path, schema, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/**
 * POSTs a file to `/api/v1{path}` as the raw body (application/octet-stream, not multipart), so a
 * large delivery is neither encoded nor buffered twice.
 */
export function apiUpload<T>(path: string, file: Blob, schema: z.ZodType<T>): Promise<T> {
  return send(path, schema, {
    method: "POST",
    headers: {
      Accept: "application/json",
      "X-Requested-With": "ichimado",
      "Content-Type": "application/octet-stream",
    },
    body: file,
  });
}

/**
 * A file from `/api/v1{path}` (a print, an export): its bytes as a Blob with the answer's headers,
 * or the server's refusal as an ApiError (a 401 sends staff to the login screen, as everywhere).
 * Files are personal data: the caller shows or saves them and revokes the URL, nothing caches them.
 */
async function apiFile(
  method: "GET" | "POST",
  path: string,
  accept: string,
  body?: unknown,
): Promise<{ blob: Blob; headers: Headers }> {
  const headers: Record<string, string> = { Accept: `${accept}, application/json` };
  if (method !== "GET") headers["X-Requested-With"] = "ichimado";
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError(0, "NETWORK", "サーバーに接続できません。ネットワークを確認してください");
  }
  if (!response.ok) throw await toApiError(response, path);
  return { blob: await response.blob(), headers: response.headers };
}

/** Hands a blob to the browser's save under a name, and lets go of it once the download has it. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    link.click();
  } finally {
    // the click has handed the blob to the download; nothing keeps personal data in the page
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

/** Must match the server's header (statistics and audit exports). */
const replacedHeader = "x-ichimado-replaced-characters";

/**
 * A CSV export through the browser's save: fetched here rather than by a link so that a refusal
 * shows as a message and the count of 〓 (characters CP932 cannot hold) can be told.
 */
export async function downloadCsv(
  path: string,
  fileName: string,
  /** another text file the same way (the データ辞書 as Markdown) */
  accept = "text/csv",
): Promise<{ fileName: string; replaced: number }> {
  const { blob, headers } = await apiFile("GET", path, accept);
  saveBlob(blob, fileName);
  return { fileName, replaced: Number(headers.get(replacedHeader) ?? 0) };
}

/** A printed document as a PDF (see apiFile). */
export async function apiPdf(method: "GET" | "POST", path: string, body?: unknown): Promise<Blob> {
  return (await apiFile(method, path, "application/pdf", body)).blob;
}

async function send<T>(path: string, schema: z.ZodType<T>, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, { ...init, credentials: "same-origin" });
  } catch {
    throw new ApiError(0, "NETWORK", "サーバーに接続できません。ネットワークを確認してください");
  }
  if (!response.ok) throw await toApiError(response, path);
  if (response.status === 204) return schema.parse(null);
  return schema.parse(await response.json());
}

async function toApiError(response: Response, path: string): Promise<ApiError> {
  if (response.status === 401 && path !== "/auth/login") {
    for (const listener of unauthenticatedListeners) listener();
  }
  const parsed = apiErrorSchema.safeParse(await response.json().catch(() => null));
  if (parsed.success) {
    const { code, message, issues } = parsed.data.error;
    return new ApiError(response.status, code, message, issues);
  }
  return new ApiError(
    response.status,
    "HTTP",
    `サーバーでエラーが発生しました (HTTP ${response.status})。時間をおいて再度お試しください`,
  );
}

/** Field messages of a validation error, keyed by field name (the server prefixes `body.`). */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.replace(/^(body|querystring|query|params)\./, "").split(".")[0] ?? "";
    if (key && !out[key]) out[key] = issue.message;
  }
  return out;
}

export function errorMessage(error: unknown): string {
  return error instanceof ApiError ? error.message : "予期しないエラーが発生しました";
}
