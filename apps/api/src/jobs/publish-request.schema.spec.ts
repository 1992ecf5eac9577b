import { ValidationError } from '../errors/api-error';
import { parseInput } from '../errors/zod-input';
import { PAGE_ID_MESSAGE, publishRequestSchema } from './publish-request.schema';
import type { PublishRules } from './publish-request.schema';

const rules: PublishRules = {
  solutions: ['zcp', 'apim'],
  supportedLanguages: ['ko', 'ja', 'zh-Hans'],
  defaultLanguages: ['ko', 'ja'],
  callbacks: { enabled: true, allowPrivate: false },
};
const PAGE = '1abb7135d33b80a79efff5ae2eaced37';
const DASHED = '1abb7135-d33b-80a7-9eff-f5ae2eaced37';

const parse = (body: unknown, with_: Partial<PublishRules> = {}) => parseInput(publishRequestSchema({ ...rules, ...with_ }), body, 'body');
/** The 422 issues `parse` throws. */
const issues = (body: unknown, with_: Partial<PublishRules> = {}) => {
  try {
    parse(body, with_);
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected a validation error');
};

describe('the POST /publish body', () => {
  it('takes the original request and gives what the job needs', () => {
    const body = { notion_page_id: PAGE, selected_solution: 'zcp', target_languages: ['ja'], title: 'install', is_directory: true, parent_id: 'p0', extra: 'ignored' };
    expect(parse(body)).toEqual({ notion_page_id: DASHED, selected_solution: 'zcp', target_languages: ['ja'], title: 'install', is_directory: true, parent_id: 'p0', callback_url: undefined });
    expect(parse({ notion_page_id: PAGE, selected_solution: 'apim' })).toEqual({
      notion_page_id: DASHED,
      selected_solution: 'apim',
      target_languages: ['ko', 'ja'],
      title: null,
      is_directory: false,
      parent_id: null,
      callback_url: undefined,
    });
    expect(parse({ notion_page_id: PAGE, selected_solution: 'zcp', target_languages: null, title: null, is_directory: null }).target_languages).toEqual(['ko', 'ja']);
    expect(parse({ notion_page_id: PAGE, selected_solution: 'zcp', target_languages: [] }).target_languages).toEqual([]);
  });

  it.each([
    [PAGE.toUpperCase(), DASHED],
    [DASHED, DASHED],
    [` ${DASHED.toUpperCase()} `, DASHED],
    [`https://www.notion.so/acme/Install-Guide-${PAGE}`, DASHED],
    [`https://notion.so/${PAGE}?pvs=4#abc`, DASHED],
    [`https://acme.notion.so/Some-page-${DASHED}`, DASHED],
    [`https://www.notion.so/acme/db-0000000000000000000000000000beef?p=${PAGE}&pm=s`, DASHED],
  ])('accepts the page id %s', (given, expected) => {
    expect(parse({ notion_page_id: given, selected_solution: 'zcp' }).notion_page_id).toBe(expected);
  });

  it.each(['', 'install', `${PAGE}0`, PAGE.slice(1), `https://evil.example/${PAGE}`, `https://www.notion.so/acme/Install-Guide`, `ftp://notion.so/${PAGE}`, `https://notion.so.evil.example/${PAGE}`])(
    'refuses the page id %j with the message that says what to send',
    (given) => {
      expect(issues({ notion_page_id: given, selected_solution: 'zcp' })).toEqual([{ loc: ['body', 'notion_page_id'], msg: PAGE_ID_MESSAGE, type: 'value_error' }]);
    },
  );

  it('names the configured solutions and the supported languages, at the place of each problem', () => {
    expect(issues({ notion_page_id: PAGE, selected_solution: 'amdp', target_languages: ['ko', 'xx', 'KO', 'de'] })).toEqual([
      { loc: ['body', 'selected_solution'], msg: 'selected_solution must be one of: zcp, apim', type: 'value_error' },
      { loc: ['body', 'target_languages', 1], msg: "unsupported language 'xx'; supported: ko, ja, zh-Hans", type: 'value_error' },
      { loc: ['body', 'target_languages', 3], msg: "unsupported language 'de'; supported: ko, ja, zh-Hans", type: 'value_error' },
    ]);
  });

  it('canonicalises language tags and drops duplicates, up to 20', () => {
    expect(parse({ notion_page_id: PAGE, selected_solution: 'zcp', target_languages: ['JA', 'zh-hans', 'ja', 'ko'] }).target_languages).toEqual(['ja', 'zh-Hans', 'ko']);
    expect(issues({ notion_page_id: PAGE, selected_solution: 'zcp', target_languages: Array(21).fill('ko') })).toEqual([
      { loc: ['body', 'target_languages'], msg: 'target_languages may name at most 20 languages', type: 'value_error' },
    ]);
    expect(issues({ notion_page_id: PAGE, selected_solution: 'zcp', target_languages: 'ko' })[0]).toMatchObject({ loc: ['body', 'target_languages'], type: 'type_error' });
  });

  it('answers a missing body, a non-object or missing fields as FastAPI would (422)', () => {
    for (const body of [undefined, null, [], 'x']) {
      expect(issues(body)).toEqual([{ loc: ['body'], msg: 'the body must be a JSON object', type: 'type_error' }]);
    }
    expect(issues({})).toEqual([
      { loc: ['body', 'notion_page_id'], msg: 'Field required', type: 'type_error' },
      { loc: ['body', 'selected_solution'], msg: 'Field required', type: 'type_error' },
    ]);
    expect(issues({ notion_page_id: PAGE, selected_solution: 'zcp', title: 'x'.repeat(501), is_directory: 'yes' })).toEqual([
      { loc: ['body', 'title'], msg: 'title may be at most 500 characters', type: 'value_error' },
      { loc: ['body', 'is_directory'], msg: 'is_directory must be true or false', type: 'type_error' },
    ]);
  });

  it('bounds parent_id: it is sent again with every status event of the job', () => {
    expect(parse({ notion_page_id: PAGE, selected_solution: 'zcp', parent_id: 'p'.repeat(200) }).parent_id).toBe('p'.repeat(200));
    expect(issues({ notion_page_id: PAGE, selected_solution: 'zcp', parent_id: 'p'.repeat(201) })).toEqual([
      { loc: ['body', 'parent_id'], msg: 'parent_id may be at most 200 characters', type: 'value_error' },
    ]);
  });

  describe('callback_url', () => {
    const body = (callback_url: unknown) => ({ notion_page_id: PAGE, selected_solution: 'zcp', callback_url });

    it('is kept (normalised) when callbacks are configured, and optional', () => {
      expect(parse(body('https://hooks.example.com/zmp?x=1')).callback_url).toBe('https://hooks.example.com/zmp?x=1');
      expect(parse(body('HTTP://Hooks.Example.com')).callback_url).toBe('http://hooks.example.com/');
      expect(parse(body(null)).callback_url).toBeUndefined();
    });

    it('is refused without CALLBACK_SECRET', () => {
      expect(issues(body('https://hooks.example.com/'), { callbacks: { enabled: false, allowPrivate: false } })).toEqual([
        { loc: ['body', 'callback_url'], msg: 'callback_url needs CALLBACK_SECRET to be configured', type: 'value_error' },
      ]);
    });

    it.each(['http://localhost:8080/x', 'http://api.localhost/', 'http://127.0.0.1/', 'http://2130706433/', 'http://10.1.2.3/', 'http://172.20.0.1/', 'http://192.168.1.1/', 'http://169.254.169.254/latest/meta-data', 'http://100.64.0.1/', 'http://0.0.0.0/', 'http://[::1]/', 'http://[::ffff:127.0.0.1]/', 'http://[fd00::1]/', 'http://[fe80::1]/'])(
      'refuses the loopback/private target %s unless CALLBACK_ALLOW_PRIVATE',
      (url) => {
        expect(issues(body(url))).toEqual([{ loc: ['body', 'callback_url'], msg: 'callback_url must not point to a loopback, private or link-local address', type: 'value_error' }]);
        expect(parse(body(url), { callbacks: { enabled: true, allowPrivate: true } }).callback_url).toBe(new URL(url).href);
      },
    );

    it('refuses a user name or password in the URL (the worker would drop them; the queued job would show them)', () => {
      for (const url of ['https://user:secret@hooks.example.com/x', 'https://token@hooks.example.com/', 'https://:secret@hooks.example.com/']) {
        expect(issues(body(url))).toEqual([{ loc: ['body', 'callback_url'], msg: 'callback_url must not contain a user name or password', type: 'value_error' }]);
      }
    });

    it('refuses what is not an http(s) URL or is too long', () => {
      for (const url of ['ftp://hooks.example.com/', 'hooks.example.com/x', 'javascript:alert(1)']) {
        expect(issues(body(url))[0]).toMatchObject({ loc: ['body', 'callback_url'], msg: 'callback_url must be an absolute http:// or https:// URL' });
      }
      expect(issues(body(`https://hooks.example.com/${'a'.repeat(2048)}`))[0]).toMatchObject({ msg: 'callback_url may be at most 2048 characters' });
      expect(parse(body('http://8.8.8.8/')).callback_url).toBe('http://8.8.8.8/');
    });
  });
});
