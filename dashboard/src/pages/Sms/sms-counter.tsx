// Under an SMS text box: how long the text is and how many segments it is billed as, and the provider's limit.
import { SMS_MAX_LENGTH, smsSegments, smsTooLong } from '@livechat/shared/sms';

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** "12 characters · 1 SMS segment". Characters are UTF-16 units, as the 1,600 limit counts them. */
export function smsCountText(text: string): string {
  const { segments } = smsSegments(text);
  return `${plural(text.length, 'character', 'characters')} · ${plural(segments, 'SMS segment', 'SMS segments')}`;
}

export const SMS_TOO_LONG_TEXT = `Too long for a text message: at most ${SMS_MAX_LENGTH.toLocaleString('en-US')} characters. Shorten it to send.`;

interface Props {
  text: string;
  /** Referenced by the text box's aria-describedby, so the count is read with it (not announced per keystroke). */
  id: string;
}

export function SmsCounter({ text, id }: Props) {
  const { encoding, perSegment } = smsSegments(text);
  const over = smsTooLong(text);
  return (
    <div class="sms-counter">
      <p id={id} class={over ? 'sms-counter__count sms-counter__count--over' : 'sms-counter__count'}>
        <span>{smsCountText(text)}</span>
        {encoding === 'UCS-2' && (
          <span class="sms-counter__note"> (special characters: {perSegment} per segment)</span>
        )}
      </p>
      {over && (
        <p class="sms-counter__over" role="alert">
          {SMS_TOO_LONG_TEXT}
        </p>
      )}
    </div>
  );
}
