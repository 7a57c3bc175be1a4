import type { CareError } from '../../preload/contract';

/** An expected refusal a handler raises; the dispatcher turns it into `{ ok: false, error }`. */
export class Failure extends Error {
  readonly code: CareError['code'];
  constructor(code: CareError['code'], message: string) {
    super(message);
    this.name = 'Failure';
    this.code = code;
  }
}
