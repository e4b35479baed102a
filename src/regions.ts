/** The production hosts of the four Sitecore CDP regions (the spec's `servers`). */
export const REGION_BASE_URLS = {
  ap: "https://api-engage-ap.sitecorecloud.io",
  eu: "https://api-engage-eu.sitecorecloud.io",
  jp: "https://api-engage-jpe.sitecorecloud.io",
  us: "https://api-engage-us.sitecorecloud.io",
} as const;

export type Region = keyof typeof REGION_BASE_URLS;

export const REGIONS = Object.keys(REGION_BASE_URLS) as Region[];

export function isRegion(value: string): value is Region {
  return Object.hasOwn(REGION_BASE_URLS, value);
}
