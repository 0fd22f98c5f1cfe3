/**
 * String formats checked by the compiled validators. Hand-written on character codes because the
 * timestamps of a page dominate its validation cost (a regex + Date per value is ~5x slower).
 * The compiled code imports `formats` by format name.
 */

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

/** The value of `length` decimal digits at `at`, or -1 if any is not a digit. */
function digits(s: string, at: number, length: number): number {
  let n = 0;
  for (let i = at; i < at + length; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** The fields of an RFC 3339 date-time; `offset` in minutes east of UTC. */
export interface DateTimeFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  offset: number;
}

/**
 * Reads an RFC 3339 `date-time` (offset required, real calendar date, leap second only at 23:59:60
 * UTC), or returns undefined. Fractions beyond milliseconds are accepted and truncated.
 */
function scanDateTime(s: string, into: DateTimeFields): boolean {
  const n = s.length;
  if (n < 20 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58)
    return false;
  const t = s.charCodeAt(10);
  if (t !== 84 && t !== 116) return false; // T or t
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 2);
  const day = digits(s, 8, 2);
  const hour = digits(s, 11, 2);
  const minute = digits(s, 14, 2);
  const second = digits(s, 17, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) return false;
  let i = 19;
  let millisecond = 0;
  if (s.charCodeAt(i) === 46) {
    const start = ++i;
    while (i < n) {
      const c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      if (i - start < 3) millisecond = millisecond * 10 + c;
      i++;
    }
    if (i === start) return false;
    for (let k = i - start; k < 3; k++) millisecond *= 10;
  }
  let offset: number;
  const z = s.charCodeAt(i);
  if (z === 90 || z === 122) {
    if (i + 1 !== n) return false;
    offset = 0;
  } else if ((z === 43 || z === 45) && i + 6 === n && s.charCodeAt(i + 3) === 58) {
    const oh = digits(s, i + 1, 2);
    const om = digits(s, i + 4, 2);
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return false;
    offset = (z === 45 ? -1 : 1) * (oh * 60 + om);
  } else {
    return false;
  }
  if (second === 60) {
    // A leap second exists only as the last second of a UTC day.
    const utcMinutes = (((hour * 60 + minute - offset) % 1440) + 1440) % 1440;
    if (utcMinutes !== 23 * 60 + 59) return false;
  }
  into.year = year;
  into.month = month;
  into.day = day;
  into.hour = hour;
  into.minute = minute;
  into.second = second;
  into.millisecond = millisecond;
  into.offset = offset;
  return true;
}

export function readDateTime(s: string): DateTimeFields | undefined {
  const fields: DateTimeFields = {
    year: 0,
    month: 0,
    day: 0,
    hour: 0,
    minute: 0,
    second: 0,
    millisecond: 0,
    offset: 0,
  };
  return scanDateTime(s, fields) ? fields : undefined;
}

/** Reused by isDateTime, which only needs the verdict: checking allocates nothing. */
const scratch: DateTimeFields = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, millisecond: 0, offset: 0 };

export function isDateTime(s: string): boolean {
  return scanDateTime(s, scratch);
}

/** Two decimal digits at `at`, or a negative number if either is not a digit. */
function two(s: string, at: number): number {
  const a = s.charCodeAt(at) - 48;
  const b = s.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * An RFC 3339 date-time as epoch milliseconds (UTC), or NaN when it is not one: the same rules as
 * isDateTime, read in one pass without allocating (every timestamp of a page goes through here).
 */
export function readDateTimeMs(s: string): number {
  const n = s.length;
  if (n < 20 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58)
    return Number.NaN;
  const t = s.charCodeAt(10);
  if (t !== 84 && t !== 116) return Number.NaN;
  const hi = two(s, 0);
  const lo = two(s, 2);
  const month = two(s, 5);
  const day = two(s, 8);
  const hour = two(s, 11);
  const minute = two(s, 14);
  const second = two(s, 17);
  if (hi < 0 || lo < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60)
    return Number.NaN;
  const year = hi * 100 + lo;
  if (month < 1 || month > 12 || day < 1 || (day > 28 && day > daysInMonth(year, month))) return Number.NaN;
  let i = 19;
  let ms = 0;
  if (s.charCodeAt(i) === 46) {
    const start = ++i;
    for (; i < n; i++) {
      const c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      if (i - start < 3) ms = ms * 10 + c;
    }
    if (i === start) return Number.NaN;
    for (let k = i - start; k < 3; k++) ms *= 10;
  }
  let offset = 0;
  const z = s.charCodeAt(i);
  if (z === 90 || z === 122) {
    if (i + 1 !== n) return Number.NaN;
  } else if ((z === 43 || z === 45) && i + 6 === n && s.charCodeAt(i + 3) === 58) {
    const oh = two(s, i + 1);
    const om = two(s, i + 4);
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return Number.NaN;
    offset = (z === 45 ? -1 : 1) * (oh * 60 + om);
  } else return Number.NaN;
  // A leap second exists only as the last second of a UTC day.
  if (second === 60 && (((hour * 60 + minute - offset) % 1440) + 1440) % 1440 !== 23 * 60 + 59) return Number.NaN;
  const key = year * 16 + month;
  if (key !== lastMonth) {
    lastMonth = key;
    lastMonthDays = daysFromCivil(year, month, 1);
  }
  return (((lastMonthDays + day - 1) * 24 + hour) * 60 + minute - offset) * 60_000 + second * 1000 + ms;
}

/** The month of the last date-time read, and its first day's number: a page's timestamps share few months. */
let lastMonth = -1;
let lastMonthDays = 0;

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Reads an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`, RFC 9110) as epoch milliseconds, or undefined. */
export function readHttpDate(s: string): number | undefined {
  if (
    s.length !== 29 ||
    s.slice(3, 5) !== ", " ||
    s[7] !== " " ||
    s[11] !== " " ||
    s[16] !== " " ||
    s[19] !== ":" ||
    s[22] !== ":" ||
    !s.endsWith(" GMT")
  )
    return undefined;
  const weekday = WEEKDAYS.indexOf(s.slice(0, 3));
  const month = MONTHS.indexOf(s.slice(8, 11)) + 1;
  const day = digits(s, 5, 2);
  const year = digits(s, 12, 4);
  const hour = digits(s, 17, 2);
  const minute = digits(s, 20, 2);
  const second = digits(s, 23, 2);
  if (weekday < 0 || month < 1 || year < 0 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return undefined;
  const time = utc(year, month, day, hour, minute, second, 0);
  return new Date(time).getUTCDay() === weekday ? time : undefined;
}

export function isHttpDate(s: string): boolean {
  return readHttpDate(s) !== undefined;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function isBase64(s: string): boolean {
  return BASE64.test(s);
}

/** Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/**
 * Epoch milliseconds of a UTC date and time: Date.UTC without its two-digit-year quirk (years 0..99
 * would become 1900..1999), in plain arithmetic (a second of 60 is the next minute, as in Date.UTC).
 */
export function utc(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms: number,
): number {
  return ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + ms;
}

/** Format checks by the names the schemas use; the compiled validators import this object. */
export const formats: Readonly<Record<string, (s: string) => boolean>> = {
  "date-time": isDateTime,
  "http-date": isHttpDate,
  byte: isBase64,
};
