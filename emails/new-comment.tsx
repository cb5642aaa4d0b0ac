import { Button, Text } from "@react-email/components";
import { colors, EmailLayout, paragraph } from "./email-layout";

/** The comment itself is read in the portal: a visitor may write about their pain before anyone moderates it. */
export type NewCommentEmailProps = {
  practiceName: string;
  articleTitle: string;
  authorName: string;
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
  moderationUrl = "http://localhost:3000/coach/kommentare",
}: NewCommentEmailProps) {
  return (
    <EmailLayout preview={`${authorName} hat einen Kommentar geschrieben.`} practiceName={practiceName}>
      <Text style={paragraph}>
        {authorName} hat den Artikel „{articleTitle}“ kommentiert. Der Kommentar wartet im Praxisbereich auf deine Freigabe und erscheint
        erst danach.
      </Text>
      <Button href={moderationUrl} style={{ backgroundColor: colors.accent, color: "#ffffff", padding: "12px 20px", borderRadius: 8 }}>
        Zur Freigabe
      </Button>
    </EmailLayout>
  );
}
