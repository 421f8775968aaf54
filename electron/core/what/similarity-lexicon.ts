// The words police community messages use for one idea in different ways, so "ring 101" and "call the
// non-emergency number" compare as the same ask: each entry names a concept and the phrases that say
// it. Written from general neighbourhood-policing vocabulary, not from any one test set; phrases are
// stemmed the same way as the text before they are matched.

/** Concept → the words and phrases (lower case, up to four words) that say it. */
export const CONCEPTS: Readonly<Record<string, readonly string[]>> = {
  report: ['report', 'tell us', 'let us know', 'get in touch', 'contact us', 'inform us', 'pass on', 'speak to us', 'reach out', 'flag', 'notify'],
  call: ['call', 'ring', 'dial', 'telephone', 'tel', 'phone us', 'phone 101', 'phone 999'],
  phone: ['phone', 'mobile', 'smartphone', 'mobile phone'],
  '101': ['101', 'non-emergency number', 'non emergency number', 'non-emergency line', 'non emergency line'],
  '999': ['999', 'emergency number', 'in an emergency'],
  online: ['online', 'website', 'web', 'internet', 'web form', 'online form', 'our site'],
  burglary: ['burglary', 'burglar', 'break-in', 'break in', 'broken into', 'break into', 'housebreaking', 'breaking into'],
  home: ['home', 'house', 'dwelling', 'flat'],
  lock: ['lock', 'secure', 'lock up', 'locked'],
  valuable: ['valuable', 'belonging', 'possession', 'gadget'],
  hide: ['out of sight', 'out of view', 'hidden', 'hide', 'on show', 'on display', 'in view', 'visible'],
  vehicle: ['car', 'vehicle', 'van', 'motor'],
  bike: ['bike', 'bicycle', 'cycle'],
  scam: ['scam', 'fraud', 'con', 'swindle', 'fraudster', 'scammer', 'con artist'],
  older: ['elderly', 'older people', 'older person', 'older resident', 'pensioner', 'senior', 'older relative', 'older neighbour'],
  young: ['young people', 'young person', 'youth', 'teenager', 'teen', 'kid', 'child', 'children', 'youngster'],
  meeting: ['meeting', 'meet', 'session', 'surgery', 'drop-in', 'drop in', 'clinic', 'forum', 'coffee with a cop', 'get-together'],
  come: ['come', 'join', 'attend', 'pop in', 'pop along', 'pop by', 'drop by', 'come along', 'come and see', 'visit'],
  antisocial: ['asb', 'antisocial', 'anti-social', 'anti social', 'nuisance'],
  officer: ['officer', 'pc', 'pcso', 'police community support officer', 'neighbourhood team', 'police', 'cop', 'constable', 'beat team', 'local team', 'safer neighbourhood team', 'snt'],
  area: ['neighbourhood', 'neighborhood', 'nbhd', 'local area', 'community', 'area', 'local', 'street', 'estate'],
  speed: ['speed', 'speeding', 'too fast', 'speedwatch', 'speed watch'],
  drug: ['drug', 'dealing', 'dealer', 'cannabis', 'county lines'],
  knife: ['knife', 'blade', 'weapon'],
  free: ['free', 'no charge', 'free of charge', 'at no cost'],
  camera: ['cctv', 'camera', 'video doorbell', 'doorbell camera', 'smart doorbell'],
  survey: ['survey', 'questionnaire', 'have your say', 'what you think', 'your views', 'consultation', 'feedback', 'your opinion'],
  information: ['information', 'info', 'detail', 'intel', 'intelligence'],
  timer: ['timer', 'timer switch', 'automatic light', 'timed light'],
  away: ['away', 'holiday', 'on holiday', 'out of the house', 'go out', 'going out', 'not at home', 'not in'],
  mark: ['property marking', 'mark', 'marking', 'smartwater', 'forensic marking', 'uv pen', 'ultraviolet pen', 'forensic marker'],
  register: ['register', 'sign up', 'enrol', 'enroll', 'subscribe'],
  alert: ['alert', 'update', 'newsletter', 'community messaging', 'message', 'text alert'],
  hatecrime: ['hate crime', 'hate incident', 'hate'],
  domesticabuse: ['domestic abuse', 'domestic violence', 'coercive control'],
  theft: ['theft', 'steal', 'stolen', 'nick', 'nicked', 'thief', 'thieves', 'taken'],
  catconverter: ['catalytic converter', 'cat converter'],
  suspicious: ['suspicious', 'suspect', 'odd', 'unusual', 'strange', 'out of place', 'not right'],
  shed: ['shed', 'garage', 'outbuilding'],
  key: ['key', 'fob', 'keyless'],
  night: ['night', 'evening', 'dark', 'after dark', 'overnight'],
  anonymous: ['anonymous', 'anonymously', 'crimestoppers', 'without giving your name'],
  school: ['school', 'college', 'pupil', 'student'],
  road: ['road', 'traffic', 'driver', 'driving', 'motorist'],
  parking: ['parking', 'park', 'parked'],
  dog: ['dog', 'pet'],
  door: ['door', 'front door', 'back door', 'doorstep'],
  window: ['window'],
  caller: ['caller', 'cold caller', 'doorstep caller', 'rogue trader', 'trader', 'cold calling', 'visitor'],
  check: ['check', 'verify', 'confirm', 'identification', 'id', 'id card', 'ask for id', 'id badge'],
  event: ['event', 'fun day', 'open day', 'fair', 'festival', 'stall'],
  library: ['library', 'community centre', 'village hall', 'church hall', 'hall', 'centre'],
  week: ['week', 'weekly', 'every week'],
  month: ['month', 'monthly', 'every month'],
  saturday: ['saturday', 'sat'],
  money: ['money', 'cash', 'bank', 'card', 'pin', 'account', 'payment'],
  advice: ['advice', 'tip', 'guidance', 'crime prevention', 'prevention'],
  rise: ['rise', 'risen', 'rising', 'increase', 'increasing', 'more', 'surge', 'recent', 'recently', 'lately'],
  victim: ['victim', 'affected', 'target', 'targeted'],
  taxi: ['taxi', 'cab', 'minicab', 'lift home'],
  swim: ['swim', 'dip', 'paddle', 'jump in'],
  heat: ['heatwave', 'heat wave', 'hot weather', 'hot spell', 'sunny weather'],
  christmas: ['christmas', 'festive', 'festive season', 'xmas', 'new year'],
  support: ['support', 'help', 'helpline', 'assist', 'service'],
};

/**
 * Verbs that open an ask ("Lock…", "Call…", "Join…"): a clause that starts with one, or with
 * "please", "never", "don't" or "remember", is what the message asks of its reader, and weighs more
 * than the context around it — two messages with the same opening but different asks are different.
 */
export const ASK_VERBS: readonly string[] = [
  'lock', 'call', 'ring', 'dial', 'phone', 'report', 'tell', 'contact', 'join', 'come', 'attend', 'book', 'check', 'register', 'sign', 'fit', 'mark', 'park',
  'talk', 'send', 'follow', 'download', 'print', 'display', 'visit', 'hang', 'look', 'stay', 'take', 'put', 'ask', 'set', 'cancel', 'stop', 'empty', 'remove',
  'hide', 'switch', 'turn', 'protect', 'note', 'spot', 'help', 'give', 'pass', 'vote', 'choose', 'pick', 'plan', 'charge', 'shield', 'cover', 'watch', 'share',
  'find', 'apply', 'learn', 'fill', 'bring', 'start', 'keep', 'use', 'leave', 'let', 'make', 'get', 'drop', 'hand', 'pop', 'speak', 'walk', 'slow', 'drive',
  'store', 'secure', 'close', 'shut', 'install', 'buy', 'sell', 'pay', 'click', 'forward', 'block', 'delete', 'change', 'update', 'talk', 'listen', 'wear',
];

/** Words that may come before an ask's verb and say it is one. */
export const ASK_OPENERS: readonly string[] = ['please', 'pls', 'plz', 'dont', 'never', 'always', 'remember', 'do'];

/** Short forms and text-speak, replaced before the concepts are matched. */
export const SHORT_FORMS: Readonly<Record<string, string>> = {
  pls: 'please',
  plz: 'please',
  ur: 'your',
  u: 'you',
  b4: 'before',
  nr: 'near',
  thx: 'thanks',
  tx: 'thanks',
  w: 'with',
  '&': 'and',
  govt: 'government',
  info: 'information',
  asap: 'soon',
  tmrw: 'tomorrow',
  tonite: 'tonight',
  wk: 'week',
  yr: 'year',
  ppl: 'people',
  msg: 'message',
  nbhd: 'neighbourhood',
  cnr: 'corner',
};

/**
 * Words that carry no ask of their own: the grammar and the polite framing every message shares
 * ("please", "remember", "we", "your"), so they neither make two messages alike nor apart.
 */
export const STOP_WORDS: readonly string[] = [
  'a', 'an', 'the', 'and', 'or', 'but', 'nor', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'as', 'into', 'onto', 'about', 'up', 'out', 'over', 'off', 'down',
  'is', 'are', 'be', 'been', 'being', 'was', 'were', 'am', 'it', 'its', 'this', 'that', 'these', 'those', 'there', 'here', 'than', 'then', 'so', 'if', 'when', 'while', 'where', 'which', 'who', 'whom', 'what', 'how', 'why',
  'we', 'our', 'ours', 'us', 'you', 'your', 'yours', 'yourself', 'they', 'their', 'them', 'i', 'me', 'my', 'he', 'she', 'his', 'her', 'him', 'one', 'someone', 'anyone', 'everyone', 'anything', 'something', 'everything',
  'do', 'does', 'did', 'doing', 'done', 'can', 'could', 'will', 'would', 'should', 'shall', 'may', 'might', 'must', 'have', 'has', 'had', 'having', 'get', 'got', 'getting', 'go', 'going', 'make', 'made',
  'please', 'remember', 'always', 'ensure', 'sure', 'just', 'only', 'also', 'too', 'very', 'really', 'all', 'any', 'some', 'every', 'each', 'no', 'not', 'dont', 'never', 'own', 'thanks', 'thank',
  'youll', 'youre', 'youve', 'youd', 'weve', 'well', 'were', 'wed', 'theyre', 'theyll', 'thats', 'theres', 'whats', 'lets', 'cant', 'wont', 'isnt', 'arent', 'doesnt', 'didnt', 'havent', 'hasnt', 'shouldnt', 'wouldnt', 'couldnt', 'ill', 'im', 'ive',
  'keep', 'let', 'know', 'need', 'want', 'like', 'see', 'take', 'use', 'using', 'way', 'time', 'now', 'today', 'soon', 'even', 'still', 'again', 'other', 'such', 'there', 'well', 'ok',
];
