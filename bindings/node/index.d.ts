export type Document = string | Buffer | object;

export interface Finding {
  instanceLocation: string;
  code: string;
  message: string;
  params: Record<string, string | number | string[]>;
}

export interface Report {
  status: 'VERIFIED' | 'NOT_VERIFIED';
  errors: Finding[];
  warnings: Finding[];
}

export interface ValidatorOptions {
  part?: 'both' | 'brand' | 'campaign';
  disable?: string[];
  rules?: string | object;
  maxBytes?: number;
  maxDepth?: number;
  maxString?: number;
  /** A shipped provider profile, e.g. 'twilio-2026'. */
  profile?: string;
}

export interface DiagnoseOptions extends ValidatorOptions {
  recentDays?: number;
  pendingHours?: number;
  clockSkewSeconds?: number;
}

/** Built once (schemas and rules compiled); throws an Error naming the reason when it cannot be built. */
export class Validator {
  constructor(options?: ValidatorOptions);
  /** Validates on the calling thread. */
  validate(document: Document): Report;
  /** Validates on the libuv thread pool. */
  validateAsync(document: Document): Promise<Report>;
}

/** The diagnosis (one user, or a batch with its summary), or {error} for input of the wrong shape. */
export function diagnose(input: Document, options?: DiagnoseOptions): any;

export const version: string;
