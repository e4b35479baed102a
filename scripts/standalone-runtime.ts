// ES module stand-ins for the CommonJS runtime helpers ajv's standalone code require()s.
// Why: the package's entry must not pull CommonJS modules (and their interop helper) into a consumer's bundle.
// Each known `require("module")member` maps to an expression, plus the helper declarations it
// uses; the generator emits those declarations once, at the top of generated/request-validators.js.

/**
 * Helper declarations, by name. Their names start with `__` so they cannot clash with ajv's
 * own (a prefix and a number: `func1`, `formats0`, `validate20`, ...).
 */
const HELPERS = {
  // ajv/dist/runtime/ucs2length: the length in Unicode code points; a surrogate pair counts once.
  __ucs2length: `function __ucs2length(str) {
  const len = str.length;
  let length = 0;
  let pos = 0;
  while (pos < len) {
    length++;
    const value = str.charCodeAt(pos++);
    if (value >= 0xd800 && value <= 0xdbff && pos < len && (str.charCodeAt(pos) & 0xfc00) === 0xdc00) pos++;
  }
  return length;
}`,
  // ajv-formats/dist/formats, full mode: RFC 3339 full-date, the day checked against the month and leap years.
  __date: `const __DATE = /^(\\d\\d\\d\\d)-(\\d\\d)-(\\d\\d)$/;
const __DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function __date(str) {
  const m = __DATE.exec(str);
  if (!m) return false;
  const year = +m[1];
  const month = +m[2];
  const day = +m[3];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && leap ? 29 : __DAYS[month]);
}`,
  // RFC 3339's date-time (section 5.6), stricter than ajv-formats' full one, which also takes a
  // space for the "T" and an offset without a colon or minutes: full-date, "T" or "t", then a
  // full-time whose offset is "Z" or ±hh:mm; 23:59:60 only where it is 23:59:60 in UTC (a leap second).
  __dateTime: `const __TIME = /^(\\d\\d):(\\d\\d):(\\d\\d(?:\\.\\d+)?)(z|([+-])(\\d\\d):(\\d\\d))$/i;
function __dateTime(str) {
  const parts = str.split(/t/i);
  if (parts.length !== 2 || !__date(parts[0])) return false;
  const m = __TIME.exec(parts[1]);
  if (!m) return false;
  const hr = +m[1];
  const min = +m[2];
  const sec = +m[3];
  const tzSign = m[5] === "-" ? -1 : 1;
  const tzH = +(m[6] || 0);
  const tzM = +(m[7] || 0);
  if (tzH > 23 || tzM > 59) return false;
  if (hr <= 23 && min <= 59 && sec < 60) return true;
  const utcMin = min - tzM * tzSign;
  const utcHr = hr - tzH * tzSign - (utcMin < 0 ? 1 : 0);
  return (utcHr === 23 || utcHr === -1) && (utcMin === 59 || utcMin === -1) && sec < 61;
}`,
  // ajv-formats' full "uri": an absolute URI (RFC 3986), its regular expression copied as is.
  __uri: `const __NOT_URI_FRAGMENT = /\\/|:/;
const __URI = /^(?:[a-z][a-z0-9+\\-.]*:)(?:\\/?\\/(?:(?:[a-z0-9\\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\\d|[01]?\\d\\d?)\\.){3}(?:25[0-5]|2[0-4]\\d|[01]?\\d\\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\\.[a-z0-9\\-._~!$&'()*+,;=:]+)\\]|(?:(?:25[0-5]|2[0-4]\\d|[01]?\\d\\d?)\\.){3}(?:25[0-5]|2[0-4]\\d|[01]?\\d\\d?)|(?:[a-z0-9\\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\\d*)?(?:\\/(?:[a-z0-9\\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\\/(?:(?:[a-z0-9\\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\\/(?:[a-z0-9\\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\\/(?:[a-z0-9\\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\\?(?:[a-z0-9\\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;
function __uri(str) {
  return __NOT_URI_FRAGMENT.test(str) && __URI.test(str);
}`,
} as const;

type Helper = keyof typeof HELPERS;

/**
 * What stands in for each `require(...)` ajv emits, keyed by module and member as ajv writes
 * them. ajv-formats' full date and date-time are `{ validate, compare }` objects and the
 * standalone code calls `formatsN.validate(data)`, so they stay objects (`compare` is only
 * used by formatMinimum and friends, which the spec does not use); its uri is a function.
 */
const REPLACEMENTS: Record<string, { expression: string; uses: Helper[] }> = {
  "ajv/dist/runtime/ucs2length.default": { expression: "__ucs2length", uses: ["__ucs2length"] },
  "ajv-formats/dist/formats.fullFormats.date": { expression: "{ validate: __date }", uses: ["__date"] },
  'ajv-formats/dist/formats.fullFormats["date-time"]': {
    expression: "{ validate: __dateTime }",
    uses: ["__date", "__dateTime"],
  },
  "ajv-formats/dist/formats.fullFormats.uri": { expression: "__uri", uses: ["__uri"] },
};

const REQUIRE = /const (\w+) = require\("([^"]+)"\)((?:\.\w+|\["[\w-]+"\])*);/g;

/**
 * Replaces every `const X = require("module")member;` in ajv's standalone code with an inline
 * ES definition and puts the helpers used at the top. Throws on a require it does not know.
 */
export function inlineRuntime(code: string): string {
  const used = new Set<Helper>();
  const replaced = code.replace(REQUIRE, (statement: string, name: string, module: string, member: string) => {
    const replacement = REPLACEMENTS[`${module}${member}`];
    if (!replacement) {
      throw new Error(
        `ajv's standalone code requires ${module}${member} (in \`${statement}\`), which scripts/standalone-runtime.ts ` +
          "has no ES module stand-in for. Add one there: the generated validators must not import or require anything.",
      );
    }
    for (const helper of replacement.uses) used.add(helper);
    return `const ${name} = ${replacement.expression};`;
  });
  const leftover = /\brequire\s*\(\s*["'`]?[^)]{0,80}/.exec(replaced);
  if (leftover) throw new Error(`ajv's standalone code has a require() the generator cannot replace: ${leftover[0]}`);
  // In declaration order, so a helper comes after the ones it calls.
  const prelude = (Object.keys(HELPERS) as Helper[]).filter((h) => used.has(h)).map((h) => HELPERS[h]);
  for (const [, declared] of prelude.join("\n").matchAll(/(?:function|const) (__\w+)/g)) {
    if (new RegExp(`\\b${declared}\\b`).test(code))
      throw new Error(`ajv's standalone code already uses the name ${declared}.`);
  }
  const banner = "// ES versions of ajv's runtime helpers, inlined by scripts/standalone-runtime.ts: no imports.";
  return [...(prelude.length > 0 ? [banner, ...prelude] : []), replaced].join("\n");
}
