interface Props {
  active: boolean;
  /** Has an invite link out and has not chosen a password yet. */
  invited: boolean;
}

export function AgentStatus({ active, invited }: Props) {
  if (!active) return <span class="badge badge--closed">Inactive</span>;
  if (invited) return <span class="badge badge--invited">Invited</span>;
  return <span class="badge badge--open">Active</span>;
}
