/** The production hosts of the four Sitecore CDP regions (the spec's `servers`); frozen, as every client reads them. */
export const REGION_BASE_URLS = Object.freeze({
  ap: "https://api-engage-ap.sitecorecloud.io",
  eu: "https://api-engage-eu.sitecorecloud.io",
  jp: "https://api-engage-jpe.sitecorecloud.io",
  us: "https://api-engage-us.sitecorecloud.io",
} as const);

export type Region = keyof typeof REGION_BASE_URLS;

export const REGIONS: readonly Region[] = Object.freeze(Object.keys(REGION_BASE_URLS) as Region[]);

export function isRegion(value: string): value is Region {
  return Object.hasOwn(REGION_BASE_URLS, value);
}
