// Admins: "Export contact" downloads everything stored about the contact as JSON (the server names the file
// contact-<id>.json and answers it as an attachment, so the dashboard stays on screen).
import { contactsApi } from '../../api/index.js';

export function ExportContactButton({ contactId }: { contactId: string }) {
  return (
    <button
      type="button"
      class="button"
      onClick={() => {
        const link = document.createElement('a');
        link.href = contactsApi.exportHref(contactId);
        link.download = `contact-${contactId}.json`;
        link.rel = 'noopener';
        document.body.append(link);
        link.click();
        link.remove();
      }}
    >
      Export contact
    </button>
  );
}
