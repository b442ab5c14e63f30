// A contact who texted STOP: nobody may text them until they text START.

export const OPTED_OUT_NOTICE =
  'Opted out of texts: they texted STOP. They must text START before you can text them.';

export function OptedOutBadge() {
  return (
    <span class="badge badge--opted-out" title="They texted STOP">
      Opted out
    </span>
  );
}

export function OptedOutNotice() {
  return <p class="contact__opted-out">{OPTED_OUT_NOTICE}</p>;
}
