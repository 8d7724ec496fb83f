/**
 * The server's armour against clients. Every notification and request handler goes
 * through `guard`: its params are checked against a small shape first (a client may
 * send `text: null`, a number where a string belongs, no range at all), and any
 * exception, synchronous or from a promise, is logged (window/logMessage) and the
 * message dropped. A bad message costs that message only, never the server.
 */
import { ErrorCodes, ResponseError } from 'vscode-languageserver';

/** Returns what is wrong with `value` (read at `at`), or undefined when it fits. */
export type Check = (value: unknown, at: string) => string | undefined;

export const isString: Check = (v, at) => (typeof v === 'string' ? undefined : `${at} 应为字符串（收到 ${describe(v)}）`);
export const isBoolean: Check = (v, at) => (typeof v === 'boolean' ? undefined : `${at} 应为布尔值（收到 ${describe(v)}）`);
export const isInteger: Check = (v, at) => (typeof v === 'number' && Number.isInteger(v) ? undefined : `${at} 应为整数（收到 ${describe(v)}）`);
/** LSP positions are unsigned integers. */
export const isUnsigned: Check = (v, at) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? undefined : `${at} 应为非负整数（收到 ${describe(v)}）`);
export const isAnything: Check = () => undefined;

/** An object with these keys; keys not listed are allowed (clients add their own). */
export function object(shape: Record<string, Check>): Check {
  return (v, at) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return `${at} 应为对象（收到 ${describe(v)}）`;
    for (const [key, check] of Object.entries(shape)) {
      const problem = check((v as Record<string, unknown>)[key], `${at}.${key}`);
      if (problem) return problem;
    }
    return undefined;
  };
}

export function arrayOf(item: Check): Check {
  return (v, at) => {
    if (!Array.isArray(v)) return `${at} 应为数组（收到 ${describe(v)}）`;
    for (let i = 0; i < v.length; i++) {
      const problem = item(v[i], `${at}[${i}]`);
      if (problem) return problem;
    }
    return undefined;
  };
}

/** Absent (undefined or null) or fitting `check`. */
export function optional(check: Check): Check {
  return (v, at) => (v === undefined || v === null ? undefined : check(v, at));
}

export const isPosition = object({ line: isUnsigned, character: isUnsigned });
export const isRange = object({ start: isPosition, end: isPosition });
export const isDocumentId = object({ uri: isString });

/** `check` as a type guard, for data a client echoes back (code action diagnostics). */
export function fits<T>(check: Check, value: unknown): value is T {
  return check(value, 'value') === undefined;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return '数组';
  if (typeof value === 'string') return value.length > 20 ? `"${value.slice(0, 20)}…"` : JSON.stringify(value);
  if (typeof value === 'object') return '对象';
  return String(value);
}

export interface GuardLog {
  error(message: string): void;
}

export function errorText(error: unknown): string {
  return (error as Error)?.stack ?? String(error);
}

/**
 * A notification handler that checks its params, then runs `handler`; a bad shape or
 * a failure (thrown or rejected) is logged and the notification dropped.
 */
export function guardNotification<P>(log: GuardLog, method: string, check: Check, handler: (params: P) => unknown): (params: P) => void {
  return (params: P) => {
    const problem = check(params, 'params');
    if (problem) {
      log.error(`jiaodui：已忽略无效的 ${method}：${problem}`);
      return;
    }
    try {
      const result = handler(params);
      if (result instanceof Promise) result.catch((error: unknown) => log.error(`jiaodui：处理 ${method} 失败：${errorText(error)}`));
    } catch (error) {
      log.error(`jiaodui：处理 ${method} 失败：${errorText(error)}`);
    }
  };
}

/**
 * A request handler that checks its params: a bad shape is answered with InvalidParams,
 * a failure with InternalError, and both are logged; the server keeps serving.
 */
export function guardRequest<P, R, Rest extends unknown[]>(
  log: GuardLog,
  method: string,
  check: Check,
  handler: (params: P, ...rest: Rest) => R | Promise<R>,
): (params: P, ...rest: Rest) => Promise<R | ResponseError<void>> {
  return async (params: P, ...rest: Rest) => {
    const problem = check(params, 'params');
    if (problem) {
      log.error(`jiaodui：已拒绝无效的 ${method}：${problem}`);
      return new ResponseError(ErrorCodes.InvalidParams, problem);
    }
    try {
      return await handler(params, ...rest);
    } catch (error) {
      if (error instanceof ResponseError) return error;
      log.error(`jiaodui：处理 ${method} 失败：${errorText(error)}`);
      return new ResponseError(ErrorCodes.InternalError, `${method} 失败：${(error as Error)?.message ?? String(error)}`);
    }
  };
}
