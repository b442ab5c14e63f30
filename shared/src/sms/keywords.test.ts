import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyKeyword } from './keywords.js';

const OPT_OUT = ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT'];
const OPT_IN = ['START', 'YES', 'UNSTOP'];

describe('classifyKeyword', () => {
  it.each(OPT_OUT)('treats %s as an opt-out', (word) => expect(classifyKeyword(word)).toBe('opt-out'));
  it.each(OPT_IN)('treats %s as an opt-in', (word) => expect(classifyKeyword(word)).toBe('opt-in'));
  it('treats HELP as a help request', () => expect(classifyKeyword('HELP')).toBe('help'));

  it.each([
    ['stop', 'opt-out'],
    ['Stop', 'opt-out'],
    ['  sToP \n', 'opt-out'],
    ['Stop.', 'opt-out'],
    ['STOP!!!', 'opt-out'],
    ['unsubscribe !', 'opt-out'],
    ['Yes!', 'opt-in'],
    ['help?', 'help'],
    ['\tStart…', 'opt-in'],
  ])('ignores case, surrounding space and trailing punctuation in %j', (body, kind) => {
    expect(classifyKeyword(body)).toBe(kind);
  });

  it.each([
    'stopped',
    "don't stop",
    'stop please',
    'please cancel',
    'STOP ALL',
    'yes please',
    'yesterday',
    'helpful',
    '¿stop',
    '"stop"',
    'st op',
    'INFO',
    'hi',
    '',
    '   ',
    '!!!',
  ])('leaves %j as an ordinary message', (body) => expect(classifyKeyword(body)).toBeNull());

  it('never finds a keyword in a body of two or more words, even when one of them is a keyword', () => {
    const word = fc.oneof(
      fc.constantFrom(...OPT_OUT, ...OPT_IN, 'HELP'),
      fc.stringMatching(/^[A-Za-z][A-Za-z']{0,11}$/),
    );
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 2, maxLength: 4 }),
        fc.constantFrom(' ', '  ', '\n'),
        (words, gap) => {
          return classifyKeyword(words.join(gap)) === null;
        },
      ),
    );
  });
});
