/**
 * Real words and names for generated briefings: a few hundred of them, so that fuzzy search over a
 * generated archive meets the same kind of vocabulary (and the same accents) as over real ones.
 */

/** Actors: display name, demonym, capital, leaders (some with accents, as real text has). */
export const ACTORS = [
  { name: 'U.S.', adj: 'American', capital: 'Washington', leaders: ['Donald Trump', 'Marco Rubio', 'Howard Lutnick'] },
  { name: 'China', adj: 'Chinese', capital: 'Beijing', leaders: ['Xi Jinping', 'Wang Yi', 'Li Qiang'] },
  { name: 'Japan', adj: 'Japanese', capital: 'Tokyo', leaders: ['Shigeru Ishiba', 'Shinjiro Koizumi'] },
  { name: 'EU', adj: 'European', capital: 'Brussels', leaders: ['Ursula von der Leyen', 'Maroš Šefčovič', 'Kaja Kallas'] },
  { name: 'Russia', adj: 'Russian', capital: 'Moscow', leaders: ['Vladimir Putin', 'Sergei Lavrov'] },
  { name: 'Ukraine', adj: 'Ukrainian', capital: 'Kyiv', leaders: ['Volodymyr Zelensky', 'Yulia Svyrydenko'] },
  { name: 'Türkiye', adj: 'Turkish', capital: 'Ankara', leaders: ['Recep Tayyip Erdoğan', 'Hakan Fidan'] },
  { name: 'UAE', adj: 'Emirati', capital: 'Abu Dhabi', leaders: ['Mohamed bin Zayed', 'Tahnoon bin Zayed'] },
  { name: 'Saudi Arabia', adj: 'Saudi', capital: 'Riyadh', leaders: ['Mohammed bin Salman', 'Abdulaziz bin Salman'] },
  { name: 'Iran', adj: 'Iranian', capital: 'Tehran', leaders: ['Masoud Pezeshkian', 'Abbas Araghchi'] },
  { name: 'Israel', adj: 'Israeli', capital: 'Jerusalem', leaders: ['Benjamin Netanyahu'] },
  { name: 'India', adj: 'Indian', capital: 'New Delhi', leaders: ['Narendra Modi', 'S. Jaishankar'] },
  { name: 'Taiwan', adj: 'Taiwanese', capital: 'Taipei', leaders: ['Lai Ching-te'] },
  { name: 'South Korea', adj: 'South Korean', capital: 'Seoul', leaders: ['Lee Jae-myung'] },
  { name: 'UK', adj: 'British', capital: 'London', leaders: ['Keir Starmer', 'Rachel Reeves'] },
  { name: 'Germany', adj: 'German', capital: 'Berlin', leaders: ['Friedrich Merz'] },
  { name: 'France', adj: 'French', capital: 'Paris', leaders: ['Emmanuel Macron'] },
  { name: 'Brazil', adj: 'Brazilian', capital: 'Brasília', leaders: ['Luiz Inácio Lula da Silva'] },
  { name: 'Mexico', adj: 'Mexican', capital: 'Mexico City', leaders: ['Claudia Sheinbaum'] },
  { name: 'Canada', adj: 'Canadian', capital: 'Ottawa', leaders: ['Mark Carney'] },
  { name: 'Australia', adj: 'Australian', capital: 'Canberra', leaders: ['Anthony Albanese'] },
  { name: 'Indonesia', adj: 'Indonesian', capital: 'Jakarta', leaders: ['Prabowo Subianto'] },
  { name: 'Vietnam', adj: 'Vietnamese', capital: 'Hanoi', leaders: ['Tô Lâm'] },
  { name: 'Philippines', adj: 'Philippine', capital: 'Manila', leaders: ['Ferdinand Marcos Jr.'] },
  { name: 'Egypt', adj: 'Egyptian', capital: 'Cairo', leaders: ['Abdel Fattah el-Sisi'] },
  { name: 'Qatar', adj: 'Qatari', capital: 'Doha', leaders: ['Tamim bin Hamad'] },
  { name: 'Pakistan', adj: 'Pakistani', capital: 'Islamabad', leaders: ['Shehbaz Sharif', 'Asim Munir'] },
  { name: 'Poland', adj: 'Polish', capital: 'Warsaw', leaders: ['Donald Tusk', 'Karol Nawrocki'] },
  { name: 'Hungary', adj: 'Hungarian', capital: 'Budapest', leaders: ['Viktor Orbán'] },
  { name: 'Kazakhstan', adj: 'Kazakh', capital: 'Astana', leaders: ['Kassym-Jomart Tokayev'] },
  { name: 'Nigeria', adj: 'Nigerian', capital: 'Abuja', leaders: ['Bola Tinubu'] },
  { name: 'South Africa', adj: 'South African', capital: 'Pretoria', leaders: ['Cyril Ramaphosa'] },
  { name: 'Ethiopia', adj: 'Ethiopian', capital: 'Addis Ababa', leaders: ['Abiy Ahmed'] },
  { name: 'Argentina', adj: 'Argentine', capital: 'Buenos Aires', leaders: ['Javier Milei'] },
  { name: 'Netherlands', adj: 'Dutch', capital: 'The Hague', leaders: ['Dick Schoof'] },
  { name: 'Panama', adj: 'Panamanian', capital: 'Panama City', leaders: ['José Raúl Mulino'] },
  { name: 'Azerbaijan', adj: 'Azerbaijani', capital: 'Baku', leaders: ['Ilham Aliyev'] },
  { name: 'Armenia', adj: 'Armenian', capital: 'Yerevan', leaders: ['Nikol Pashinyan'] },
  { name: 'NATO', adj: 'allied', capital: 'Brussels', leaders: ['Mark Rutte'] },
  { name: 'OPEC', adj: 'OPEC', capital: 'Vienna', leaders: ['Haitham al-Ghais'] },
] as const;

/** Subjects: a noun phrase, its tag, and the sector it belongs to. */
export const SUBJECTS = [
  { noun: 'tariffs on automakers', short: 'auto tariffs', tag: 'trade' },
  { noun: 'semiconductor export controls', short: 'chip controls', tag: 'semiconductors' },
  { noun: 'LNG contracts', short: 'LNG', tag: 'energy' },
  { noun: 'crude oil output quotas', short: 'oil quotas', tag: 'energy' },
  { noun: 'shipping insurance in contested waters', short: 'shipping insurance', tag: 'shipping' },
  { noun: 'rare-earth processing licences', short: 'rare earths', tag: 'critical-minerals' },
  { noun: 'grain and fertiliser exports', short: 'grain exports', tag: 'agriculture' },
  { noun: 'sanctions on the shadow fleet', short: 'shadow fleet', tag: 'sanctions' },
  { noun: 'a gas pipeline extension', short: 'pipeline', tag: 'energy' },
  { noun: 'nuclear enrichment talks', short: 'nuclear talks', tag: 'security' },
  { noun: 'a fragile ceasefire line', short: 'ceasefire', tag: 'security' },
  { noun: 'a disputed election result', short: 'election', tag: 'politics' },
  { noun: 'currency swap lines', short: 'currency swaps', tag: 'finance' },
  { noun: 'sovereign debt restructuring', short: 'debt talks', tag: 'finance' },
  { noun: 'AI data centre investment', short: 'AI campus', tag: 'technology' },
  { noun: 'lithium and copper mining rights', short: 'mining rights', tag: 'critical-minerals' },
  { noun: 'fishing rights and coast guard patrols', short: 'fisheries', tag: 'maritime' },
  { noun: 'a hydropower dam on a shared river', short: 'dam dispute', tag: 'water' },
  { noun: 'port concessions and terminal stakes', short: 'port deal', tag: 'infrastructure' },
  { noun: 'arms sales and air defence systems', short: 'arms sales', tag: 'defense' },
  { noun: 'drone production for the front line', short: 'drones', tag: 'defense' },
  { noun: 'host-nation support for foreign bases', short: 'base costs', tag: 'defense' },
  { noun: 'cyber attacks on power grids', short: 'cyber attacks', tag: 'cyber' },
  { noun: 'satellite launch cooperation', short: 'satellites', tag: 'space' },
  { noun: 'migration and border patrols', short: 'migration', tag: 'migration' },
  { noun: 'steel import quotas', short: 'steel quotas', tag: 'trade' },
  { noun: 'electric vehicle subsidies', short: 'EV subsidies', tag: 'trade' },
  { noun: 'solar panel supply chains', short: 'solar supply', tag: 'energy' },
  { noun: 'pharmaceutical price caps', short: 'drug prices', tag: 'health' },
  { noun: 'student visas and research security', short: 'student visas', tag: 'education' },
  { noun: 'an agricultural bank and payment channels', short: 'farm bank', tag: 'finance' },
  { noun: 'central bank gold reserves', short: 'gold reserves', tag: 'finance' },
] as const;

/** Waters, corridors and regions where things happen. */
export const PLACES = [
  'the Strait of Hormuz', 'the Red Sea', 'the Black Sea', 'the South China Sea', 'the Arctic', 'the Baltic Sea',
  'the Suez Canal', 'the Panama Canal', 'the Taiwan Strait', 'the Caspian basin', 'the Sahel', 'the Western Balkans',
  'the South Caucasus', 'the Gulf of Oman', 'the Bab el-Mandeb', 'the East China Sea', 'the Eastern Mediterranean',
  'Central Asia', 'the Horn of Africa', 'the Indo-Pacific',
] as const;

/** Verb phrases for titles and incidents, present and past. */
export const MOVES = [
  ['tightens', 'tightened'], ['suspends', 'suspended'], ['expands', 'expanded'], ['renegotiates', 'renegotiated'],
  ['rejects', 'rejected'], ['signs a deal on', 'signed a deal on'], ['threatens to cut', 'threatened to cut'],
  ['doubles down on', 'doubled down on'], ['quietly eases', 'quietly eased'], ['freezes', 'frozen'],
  ['challenges', 'challenged'], ['brokers talks on', 'brokered talks on'], ['retaliates over', 'retaliated over'],
  ['bets on', 'bet on'], ['walks away from', 'walked away from'],
] as const;

/** Dimensions of the position table. */
export const DIMENSIONS = [
  'Tariff Policy Tools', 'Security Alliance Binding', 'Domestic Political Variables', 'Economic Dependency Level',
  'Energy Security', 'Supply Chain Control', 'Sanctions Exposure', 'Legal Leverage', 'Military Posture',
  'Market Access', 'Technology Horizon', 'Financial Channels', 'Regional Alignment', 'Public Opinion',
  'Infrastructure Control', 'Price Setting', 'Diplomatic Strategy', 'Retaliation Risk', 'Investment Screening',
  'Maritime Access',
] as const;

/** Stances for table cells and motivations. */
export const STANCES = [
  'Strong pressure, exchanging concessions for market access', 'Attempts to buffer and avoid a new imbalance',
  'Seeks a phased compromise with review clauses', 'Uses delays and licences as quiet leverage',
  'Prefers coordination with allies over unilateral steps', 'Hardline rhetoric, pragmatic behaviour in private',
  'Wants guarantees before any new commitment', 'Ready to absorb costs to defend sovereignty',
  'Hedging between rival blocs to keep options open', 'Cautious, waiting for the next election cycle',
  'Pushes for multilateral monitoring and transparency', 'Accepts short-term losses for long-term pricing power',
] as const;

/** Drivers that motivate actors. */
export const DRIVERS = [
  'fiscal strain', 'an upcoming election', 'industrial catch-up', 'energy revenue', 'regional prestige',
  'pressure from exporters', 'alliance credibility', 'inflation at home', 'a weak currency', 'security fears',
  'technology leakage', 'food prices', 'investor confidence', 'sanctions relief', 'shipping costs',
] as const;
