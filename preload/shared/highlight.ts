/** Private-use characters that bracket a highlighted term in a search snippet. Never typed by people. */
export const HIGHLIGHT_START = '\uE000';
export const HIGHLIGHT_END = '\uE001';
