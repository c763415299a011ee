/**
 * An HR location ("London, UK", "Remote - Germany", "New York Office") to the region names the
 * examples and CRM exports use (NA, EMEA, APAC, LATAM), by the first known country or city word
 * in it. Unknown places give no region: a wrong region would steer rebalance, none does not.
 */
const REGION_WORDS: Readonly<Record<string, readonly string[]>> = {
  NA: [
    'usa',
    'us',
    'united states',
    'america',
    'canada',
    'new york',
    'nyc',
    'san francisco',
    'sf',
    'boston',
    'chicago',
    'austin',
    'seattle',
    'denver',
    'atlanta',
    'los angeles',
    'toronto',
    'vancouver',
    'montreal',
    'miami',
    'dallas',
  ],
  EMEA: [
    'uk',
    'united kingdom',
    'england',
    'scotland',
    'ireland',
    'germany',
    'france',
    'spain',
    'italy',
    'netherlands',
    'belgium',
    'sweden',
    'denmark',
    'norway',
    'finland',
    'poland',
    'portugal',
    'switzerland',
    'austria',
    'israel',
    'uae',
    'south africa',
    'london',
    'dublin',
    'berlin',
    'munich',
    'paris',
    'madrid',
    'barcelona',
    'amsterdam',
    'stockholm',
    'lisbon',
    'zurich',
    'tel aviv',
    'dubai',
    'warsaw',
    'emea',
    'europe',
  ],
  APAC: [
    'australia',
    'new zealand',
    'singapore',
    'japan',
    'india',
    'china',
    'hong kong',
    'korea',
    'philippines',
    'sydney',
    'melbourne',
    'auckland',
    'tokyo',
    'bangalore',
    'bengaluru',
    'mumbai',
    'apac',
  ],
  LATAM: [
    'brazil',
    'mexico',
    'argentina',
    'colombia',
    'chile',
    'peru',
    'sao paulo',
    'mexico city',
    'buenos aires',
    'bogota',
    'latam',
  ],
};

const WORD_REGION = new Map(
  Object.entries(REGION_WORDS).flatMap(([region, words]) => words.map((w) => [w, region])),
);

export function regionOfLocation(location: string): string | undefined {
  const words = location
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
  // Two-word places first ("new york", "south africa"), then single words.
  for (let i = 0; i < words.length; i++) {
    const pair = `${words[i]} ${words[i + 1] ?? ''}`;
    const region = WORD_REGION.get(pair) ?? WORD_REGION.get(words[i] ?? '');
    if (region) return region;
  }
  return undefined;
}
