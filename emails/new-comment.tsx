import { Button, Text } from "@react-email/components";
import { colors, EmailLayout, paragraph } from "./email-layout";

export type NewCommentEmailProps = {
  practiceName: string;
  articleTitle: string;
  authorName: string;
  body: string;
  moderationUrl: string;
};

export function newCommentSubject(articleTitle: string) {
  return `Neuer Kommentar zu „${articleTitle}“`;
}

/** To the coach: a visitor commented; it waits for approval. */
export default function NewCommentEmail({
  practiceName = "Rückenwind Coaching",
  articleTitle = "Warum chronischer Rückenschmerz oft nicht dort entsteht, wo er wehtut",
  authorName = "Sabine",
  body = "Danke für den Artikel! Ich erkenne mich in vielem wieder.",
  moderationUrl = "http://localhost:3000/coach/kommentare",
}: NewCommentEmailProps) {
  return (
    <EmailLayout preview={`${authorName} hat einen Kommentar geschrieben.`} practiceName={practiceName}>
      <Text style={paragraph}>
        {authorName} hat den Artikel „{articleTitle}“ kommentiert. Der Kommentar erscheint erst, wenn du ihn freigibst:
      </Text>
      <Text style={{ ...paragraph, borderLeft: `3px solid ${colors.accent}`, paddingLeft: 12, whiteSpace: "pre-wrap" }}>{body}</Text>
      <Button href={moderationUrl} style={{ backgroundColor: colors.accent, color: "#ffffff", padding: "12px 20px", borderRadius: 8 }}>
        Zur Freigabe
      </Button>
    </EmailLayout>
  );
}
