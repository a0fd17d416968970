import { seededRandom } from '@kasa/testing';
/**
 * Made-up but realistic members for the members benchmark: Ukrainian names (a Zipf-like
 * spread of surnames, first names and patronymics by sex), unique `+38067…` phones, tax
 * numbers that encode the birth date and pass the check digit, valid `UA` IBANs, ID cards
 * and passport books, certificates from one counter. The same seed gives the same members.
 */

/** Deterministic: the same seed gives the same members. */
export const random = seededRandom;

const COMMON_SURNAMES = [
  'Мельник',
  'Шевченко',
  'Коваленко',
  'Бондаренко',
  'Бойко',
  'Ткаченко',
  'Кравченко',
  'Ковальчук',
  'Коваль',
  'Олійник',
  'Шевчук',
  'Поліщук',
  'Бондар',
  'Ткачук',
  'Марченко',
  'Лисенко',
  'Руденко',
  'Савченко',
  'Петренко',
  'Мороз',
  'Кравчук',
  'Клименко',
  'Павленко',
  'Савчук',
  'Кузьменко',
  'Левченко',
  'Харченко',
  'Карпенко',
  'Гончаренко',
  'Мельничук',
  'Павлюк',
  'Литвиненко',
  'Романюк',
  'Кушнір',
  'Гончар',
  'Сидоренко',
  'Мазур',
  'Швець',
  'Костенко',
  "Лук'яненко",
  'Іваненко',
  'Василенко',
  'Панченко',
  'Приходько',
  'Григоренко',
  'Яковенко',
  'Тимошенко',
  'Юрченко',
  'Мирошниченко',
  'Зінченко',
  'Остапчук',
  'Дмитренко',
  'Захарченко',
  'Онищенко',
  'Пономаренко',
  'Семенко',
  'Федоренко',
  'Нестеренко',
  'Гуменюк',
  'Вовк',
  'Голуб',
  'Кириленко',
  'Власенко',
  'Андрієнко',
  'Степаненко',
  'Довженко',
  'Гаврилюк',
  'Даниленко',
  'Кондратюк',
  'Антонюк',
  'Білоус',
  'Ярошенко',
  'Назаренко',
  'Гнатюк',
  'Рибак',
  "Дем'яненко",
  'Сорока',
  'Грищенко',
  'Тарасюк',
  'Демченко',
];

/** Surnames with a feminine form: [masculine, feminine]. */
const GENDERED_SURNAMES: [string, string][] = [
  ['Лозинський', 'Лозинська'],
  ['Вишневський', 'Вишневська'],
  ['Зарицький', 'Зарицька'],
  ['Ковальський', 'Ковальська'],
  ['Стефанишин', 'Стефанишин'],
  ['Грушевський', 'Грушевська'],
  ['Садовський', 'Садовська'],
  ['Яворський', 'Яворська'],
  ['Левицький', 'Левицька'],
  ['Кропивницький', 'Кропивницька'],
];

/** Rarer surnames, made of a root and a suffix, for a long tail. */
const ROOTS = [
  'Гриц',
  'Дац',
  'Кос',
  'Лес',
  'Мак',
  'Пилип',
  'Сем',
  'Тар',
  'Фед',
  'Хом',
  'Юрк',
  'Бур',
  'Гал',
  'Дуд',
  'Жук',
  'Зал',
  'Кар',
  'Луц',
  'Мих',
  'Олекс',
  'Паш',
  'Рев',
  'Свир',
  'Кузь',
  'Бород',
  'Гер',
  'Дорош',
  'Євтуш',
  'Корн',
  'Лавр',
];
const SUFFIXES = ['енко', 'ук', 'ишин', 'ович', 'ів', 'ко'];

/** Male first names with the patronymics made from them: [name, son's, daughter's]. */
const MALE_NAMES: [string, string, string][] = [
  ['Олександр', 'Олександрович', 'Олександрівна'],
  ['Андрій', 'Андрійович', 'Андріївна'],
  ['Сергій', 'Сергійович', 'Сергіївна'],
  ['Володимир', 'Володимирович', 'Володимирівна'],
  ['Іван', 'Іванович', 'Іванівна'],
  ['Микола', 'Миколайович', 'Миколаївна'],
  ['Юрій', 'Юрійович', 'Юріївна'],
  ['Василь', 'Васильович', 'Василівна'],
  ['Петро', 'Петрович', 'Петрівна'],
  ['Дмитро', 'Дмитрович', 'Дмитрівна'],
  ['Віктор', 'Вікторович', 'Вікторівна'],
  ['Михайло', 'Михайлович', 'Михайлівна'],
  ['Олег', 'Олегович', 'Олегівна'],
  ['Ігор', 'Ігорович', 'Ігорівна'],
  ['Богдан', 'Богданович', 'Богданівна'],
  ['Тарас', 'Тарасович', 'Тарасівна'],
  ['Максим', 'Максимович', 'Максимівна'],
  ['Роман', 'Романович', 'Романівна'],
  ['Степан', 'Степанович', 'Степанівна'],
  ['Григорій', 'Григорович', 'Григорівна'],
  ['Анатолій', 'Анатолійович', 'Анатоліївна'],
  ['Віталій', 'Віталійович', 'Віталіївна'],
  ['Євген', 'Євгенович', 'Євгенівна'],
  ['Павло', 'Павлович', 'Павлівна'],
  ['Ярослав', 'Ярославович', 'Ярославівна'],
  ['Остап', 'Остапович', 'Остапівна'],
  ['Артем', 'Артемович', 'Артемівна'],
  ['Денис', 'Денисович', 'Денисівна'],
  ['Назар', 'Назарович', 'Назарівна'],
  ['Федір', 'Федорович', 'Федорівна'],
];

const FEMALE_NAMES = [
  'Олена',
  'Ольга',
  'Наталія',
  'Тетяна',
  'Ірина',
  'Світлана',
  'Оксана',
  'Юлія',
  'Марія',
  'Анна',
  'Катерина',
  'Людмила',
  'Галина',
  'Валентина',
  'Надія',
  'Ганна',
  'Лариса',
  'Вікторія',
  'Анастасія',
  'Христина',
  'Софія',
  'Дарина',
  'Леся',
  'Зоряна',
  'Богдана',
  'Мирослава',
  'Соломія',
  'Ярина',
  'Інна',
  'Алла',
];

/** Passport-book issuers (old style) and the series letters of their regions. */
const ISSUERS = [
  ['КВ', 'Шевченківським РУ ГУ МВС України в місті Києві'],
  ['СН', 'Дарницьким РУ ГУ МВС України в місті Києві'],
  ['КС', 'Печерським РВ ГУ ДМС України в місті Києві'],
  ['КА', 'Галицьким РВ ЛМУ ГУ МВС України у Львівській області'],
  ['КН', 'Франківським РВ ЛМУ ГУ ДМС України у Львівській області'],
  ['АМ', 'Центральним РВ ДМУ ГУ МВС України в Дніпропетровській області'],
  ['МК', 'Київським РВ ХМУ ГУ МВС України в Харківській області'],
  ['КМ', 'Приморським РВ ОМУ ГУ МВС України в Одеській області'],
  ['ВА', 'Вінницьким МВ УМВС України у Вінницькій області'],
  ['СЕ', 'Полтавським МВ УДМС України в Полтавській області'],
];

/** Banks' MFO codes, as in real UA IBANs (PrivatBank, monobank, Oschadbank, Raiffeisen, PUMB, Ukrsibbank). */
const BANK_CODES = ['305299', '322001', '300465', '380805', '334851', '351005'];

const PROGRAMS = [
  { name: 'Базова підтримка', monthPrice: 10_000, isActive: true, weight: 45 },
  { name: 'Родинна програма', monthPrice: 25_000, isActive: true, weight: 25 },
  { name: 'Ветеранська програма', monthPrice: 15_000, isActive: true, weight: 18 },
  { name: 'Медична допомога', monthPrice: 30_000, isActive: true, weight: 10 },
  { name: 'Архівна програма 2021', monthPrice: 5_000, isActive: false, weight: 2 },
];

const TRANSLIT: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'h',
  ґ: 'g',
  д: 'd',
  е: 'e',
  є: 'ie',
  ж: 'zh',
  з: 'z',
  и: 'y',
  і: 'i',
  ї: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ь: '',
  ю: 'iu',
  я: 'ia',
  "'": '',
};
const latin = (text: string) => [...text.toLowerCase()].map((char) => TRANSLIT[char] ?? char).join('');

const EMAIL_DOMAINS = ['gmail.com', 'ukr.net', 'i.ua', 'meta.ua', 'gmail.com', 'gmail.com'];

export type Attention = 'new-profile' | 'new-documents' | 'program-change' | 'correction';

export interface ProgramSeed {
  id: number;
  name: string;
  monthPrice: number;
  isActive: boolean;
}

export interface MemberSeed {
  id: number;
  phone: string;
  firstName: string;
  middleName: string;
  lastName: string;
  email: string;
  birthDate: string;
  passportData: string | null;
  taxNumber: string | null;
  iban: string;
  photoFile: string | null;
  certificate: string | null;
  paidUntil: string | null;
  programId: number | null;
  pendingProgramId: number | null;
  isActive: boolean;
  isSubmitted: boolean;
  profileSentAt: Date;
  hasNewProgramChange: boolean;
  hasNewDocuments: boolean;
  hasCorrectionRequest: boolean;
  createdAt: Date;
  updatedAt: Date;
  /** Why staff must look at this member, when they must. */
  attention: Attention | null;
}

const DAY = 86_400_000;
const pad = (value: number, length: number) => String(value).padStart(length, '0');
const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const dotted = (date: Date) =>
  `${pad(date.getUTCDate(), 2)}.${pad(date.getUTCMonth() + 1, 2)}.${date.getUTCFullYear()}`;

/** РНОКПП: days since 31.12.1899 to the birth date, a serial whose last digit is odd for men, a check digit. */
function taxNumberOf(birth: Date, male: boolean, rnd: () => number): string {
  const days = Math.round((birth.getTime() - Date.UTC(1899, 11, 31)) / DAY);
  const serial = Math.floor(rnd() * 1000);
  const sexDigit = 2 * Math.floor(rnd() * 5) + (male ? 1 : 0);
  const digits = `${pad(days, 5)}${pad(serial, 3)}${sexDigit}`;
  const weights = [-1, 5, 7, 9, 4, 6, 10, 5, 7];
  const sum = weights.reduce((total, weight, index) => total + weight * Number(digits[index]), 0);
  return `${digits}${(((sum % 11) + 11) % 11) % 10}`;
}

/** A Ukrainian IBAN with correct check digits (ISO 13616 mod 97). */
function ibanOf(rnd: () => number): string {
  const bank = BANK_CODES[Math.floor(rnd() * BANK_CODES.length)]!;
  let account = '000002620';
  for (let index = 0; index < 10; index += 1) account += Math.floor(rnd() * 10);
  const numeric = `${bank}${account}301000`; // + "UA00", letters as numbers (U=30, A=10)
  let remainder = 0;
  for (const digit of numeric) remainder = (remainder * 10 + Number(digit)) % 97;
  return `UA${pad(98 - remainder, 2)}${bank}${account}`;
}

function passportOf(birth: Date, rnd: () => number, now: number): string {
  const adult = Date.UTC(birth.getUTCFullYear() + 16, birth.getUTCMonth(), birth.getUTCDate());
  if (rnd() < 0.55 || adult > Date.UTC(2016, 0, 1)) {
    // ID card: issued since 2016, valid ten years.
    const issued = new Date(
      Math.max(adult, Date.UTC(2016, 0, 11)) + rnd() * (now - Date.UTC(2016, 0, 11)) * 0.9,
    );
    const expires = new Date(issued.getTime() + 10 * 365.25 * DAY);
    const number = pad(Math.floor(rnd() * 1e9), 9);
    const record = `${birth.getUTCFullYear()}${pad(birth.getUTCMonth() + 1, 2)}${pad(birth.getUTCDate(), 2)}-${pad(Math.floor(rnd() * 1e5), 5)}`;
    return `ID-картка № ${number}, УНЗР ${record}, видана ${dotted(issued)} органом ${pad(1000 + Math.floor(rnd() * 8999), 4)}, дійсна до ${dotted(expires)}`;
  }
  const [series, issuer] = ISSUERS[Math.floor(rnd() * ISSUERS.length)]!;
  const issued = new Date(adult + rnd() * (Date.UTC(2016, 0, 1) - adult));
  return `Паспорт ${series} ${pad(Math.floor(rnd() * 1e6), 6)}, виданий ${issuer} ${dotted(issued)}`;
}

/** Early entries far more often than late ones: a few surnames are common, most are rare. */
const zipf = (rnd: () => number, length: number) => Math.min(length - 1, Math.floor(length * rnd() ** 2.2));

export interface Population {
  programs: ProgramSeed[];
  members: MemberSeed[];
  /** The certificate counter's last number. */
  lastCertificate: number;
}

/** `count` members, about 2% of them waiting for staff, the rest approved (a few blocked). */
export function makePopulation(count: number, seed = 20_240_601): Population {
  const rnd = random(seed);
  const now = Date.now();
  const programs = PROGRAMS.map((program, index) => ({ id: index + 1, ...program }));
  const activePrograms = programs.filter((program) => program.isActive);
  const pickProgram = (pool: typeof programs) => {
    const total = pool.reduce((sum, program) => sum + program.weight, 0);
    let at = rnd() * total;
    for (const program of pool) {
      at -= program.weight;
      if (at < 0) return program.id;
    }
    return pool[0]!.id;
  };
  const surnames: [string, string][] = [
    ...COMMON_SURNAMES.map((name): [string, string] => [name, name]),
    ...GENDERED_SURNAMES,
    ...ROOTS.flatMap((root) => SUFFIXES.map((suffix): [string, string] => [root + suffix, root + suffix])),
  ];

  const members: MemberSeed[] = [];
  let certificate = 0;
  const firstJoined = now - 3 * 365 * DAY;
  for (let index = 0; index < count; index += 1) {
    const id = index + 1;
    const male = rnd() < 0.48;
    const [surnameMale, surnameFemale] = surnames[zipf(rnd, surnames.length)]!;
    const father = MALE_NAMES[zipf(rnd, MALE_NAMES.length)]!;
    const firstName = male
      ? MALE_NAMES[zipf(rnd, MALE_NAMES.length)]![0]
      : FEMALE_NAMES[zipf(rnd, FEMALE_NAMES.length)]!;
    const lastName = male ? surnameMale : surnameFemale;
    const birth = new Date(Date.UTC(1950, 0, 1) + Math.floor(rnd() * 54 * 365.25) * DAY);
    // Sign-ups in id order over three years; the last ones are the newest.
    const createdAt = new Date(firstJoined + (index / count) * (now - firstJoined - DAY) + rnd() * DAY);
    const draw = rnd();
    const attention: Attention | null =
      draw < 0.01
        ? 'new-profile'
        : draw < 0.015
          ? 'new-documents'
          : draw < 0.018
            ? 'program-change'
            : draw < 0.02
              ? 'correction'
              : null;
    const approved = attention !== 'new-profile';
    const programId = approved ? pickProgram(programs) : null;
    // A program change asks for another program than the member's.
    const wanted = pickProgram(activePrograms.filter((program) => program.id !== programId));
    const pendingProgramId = attention === 'new-profile' || attention === 'program-change' ? wanted : null;
    const profileSentAt = new Date(createdAt.getTime() + rnd() * 2 * DAY);
    const recent = new Date(now - rnd() * 14 * DAY);
    const updatedAt =
      attention === null
        ? new Date(profileSentAt.getTime() + rnd() * (now - profileSentAt.getTime()))
        : new Date(Math.max(recent.getTime(), profileSentAt.getTime()));
    // A new profile has no passport or tax number yet unless Diia filled them.
    const fromDiia = attention !== 'new-profile' || rnd() < 0.4;
    members.push({
      id,
      // Unique: 7-digit numbers permuted by a multiplier coprime with 10^7.
      phone: `+38067${pad((index * 7_919 + 1_234_567) % 10_000_000, 7)}`,
      firstName,
      middleName: male ? father[1] : father[2],
      lastName,
      email: `${latin(firstName)}.${latin(lastName)}${rnd() < 0.5 ? birth.getUTCFullYear() % 100 : Math.floor(rnd() * 1000)}@${EMAIL_DOMAINS[Math.floor(rnd() * EMAIL_DOMAINS.length)]}`,
      birthDate: isoDate(birth),
      passportData: fromDiia ? passportOf(birth, rnd, now) : null,
      taxNumber: fromDiia ? taxNumberOf(birth, male, rnd) : null,
      iban: ibanOf(rnd),
      photoFile: rnd() < 0.7 ? randomHex(rnd, 32) : null,
      certificate: approved ? String(++certificate) : null,
      paidUntil: approved ? isoDate(new Date(now + (rnd() * 425 - 60) * DAY)) : null,
      programId,
      pendingProgramId,
      // About one in 200 approved members is blocked.
      isActive: !approved || attention !== null || rnd() >= 0.005,
      isSubmitted: approved,
      profileSentAt,
      hasNewProgramChange: pendingProgramId !== null,
      hasNewDocuments: attention === 'new-profile' || attention === 'new-documents',
      hasCorrectionRequest: attention === 'correction',
      createdAt,
      updatedAt,
      attention,
    });
  }
  return { programs, members, lastCertificate: certificate };
}

function randomHex(rnd: () => number, length: number): string {
  let text = '';
  for (let index = 0; index < length; index += 1) text += Math.floor(rnd() * 16).toString(16);
  return text;
}

export type SearchKind =
  | 'surname'
  | 'surname + first name'
  | 'tax number part'
  | 'certificate'
  | 'attention list';

export interface SearchQuery {
  kind: SearchKind;
  body: { filter: { query: string; fields?: Record<string, boolean> } };
  /** A member the answer must count (it may sort beyond the first page). */
  expects: number | null;
}

/** The admin site's checkboxes: every field unless unticked (the member service's rule). */
const only = (field: 'name' | 'passport' | 'inn' | 'iban' | 'certificate') => ({
  name: field === 'name',
  passport: field === 'passport',
  inn: field === 'inn',
  iban: field === 'iban',
  certificate: field === 'certificate',
});

/**
 * What staff type, about someone who exists: a surname (sometimes in lower case, sometimes
 * in names only), a surname with a first name, six digits of a tax number (tax numbers
 * only), a certificate number (certificates only); and the attention list, the page they
 * open first.
 */
export function searchQueries(members: readonly MemberSeed[], count: number, seed = 7): SearchQuery[] {
  const rnd = random(seed);
  const someone = (accept: (member: MemberSeed) => boolean) => {
    for (;;) {
      const member = members[Math.floor(rnd() * members.length)]!;
      if (accept(member)) return member;
    }
  };
  const queries: SearchQuery[] = [];
  for (let index = 0; index < count; index += 1) {
    const draw = rnd();
    if (draw < 0.3) {
      const member = someone(() => true);
      const query = rnd() < 0.3 ? member.lastName.toLowerCase() : member.lastName;
      queries.push({
        kind: 'surname',
        body: { filter: { query, ...(rnd() < 0.5 ? { fields: only('name') } : {}) } },
        expects: member.id,
      });
    } else if (draw < 0.55) {
      const member = someone(() => true);
      queries.push({
        kind: 'surname + first name',
        body: { filter: { query: `${member.lastName} ${member.firstName}` } },
        expects: member.id,
      });
    } else if (draw < 0.7) {
      const member = someone((candidate) => candidate.taxNumber !== null);
      const start = Math.floor(rnd() * 5);
      queries.push({
        kind: 'tax number part',
        body: { filter: { query: member.taxNumber!.slice(start, start + 6), fields: only('inn') } },
        expects: member.id,
      });
    } else if (draw < 0.85) {
      const member = someone((candidate) => candidate.certificate !== null);
      queries.push({
        kind: 'certificate',
        body: { filter: { query: member.certificate!, fields: only('certificate') } },
        expects: member.id,
      });
    } else {
      queries.push({ kind: 'attention list', body: { filter: { query: '' } }, expects: null });
    }
  }
  return queries;
}
