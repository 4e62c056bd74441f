import { describe, it } from '../mocha.ts';
import { expect } from '@open-wc/testing';
import { squash, textProblem } from '../../../widgets/internal/text-rules.ts';

describe('text-rules', () => {
  it('checks text like the API (length in characters, control characters)', () => {
    expect(textProblem('   ', [3, 10])).to.equal('required');
    expect(textProblem('ab', [3, 10])).to.equal('too_short');
    expect(textProblem('a'.repeat(11), [3, 10])).to.equal('too_long');
    expect(textProblem('a\u202Eb c', [3, 10])).to.equal('control_characters');
    expect(textProblem('line one\nline two', [3, 40], true)).to.equal(undefined);
    expect(textProblem('line one\nline two', [3, 40])).to.equal('control_characters');
    expect(textProblem('őrült ÁÉ', [3, 8])).to.equal(undefined);
  });

  it('checks one-line text like the API (length after squashing, control characters)', () => {
    expect(textProblem('  ', [2, 60])).to.equal('required');
    expect(textProblem('a', [2, 60])).to.equal('too_short');
    expect(textProblem('x'.repeat(61), [2, 60])).to.equal('too_long');
    expect(textProblem('a\u0000b', [2, 60])).to.equal('control_characters');
    expect(textProblem(' Szeged  ', [2, 60])).to.equal(undefined);
  });

  it('squashes a line as the API stores it', () => {
    expect(squash('  Győr,\u00a0  Baross   út ')).to.equal('Győr, Baross út');
    expect(squash('o\u0308')).to.equal('ö');
  });
});
