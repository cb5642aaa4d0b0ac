/** What every section of the coach's client record is given: who reads, whose record, and the practice's today. */
export type RecordSectionProps = {
  coach: { id: string; name?: string | null; email?: string | null };
  client: { id: string; name: string | null; email: string };
  today: string;
};
