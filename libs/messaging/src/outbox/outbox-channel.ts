/** pg NOTIFY channel: an enqueue announces itself here, delivered only when its transaction commits. */
export const OUTBOX_CHANNEL = 'nhi_outbox';
