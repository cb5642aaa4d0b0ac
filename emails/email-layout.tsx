import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

export const colors = { text: "#1f2a28", muted: "#5b6663", accent: "#2f6b5e", background: "#f6f4ef" };

/** The frame every email shares: calm colours, readable size, the practice named at the foot. */
export function EmailLayout({ preview, practiceName, children }: { preview: string; practiceName: string; children: ReactNode }) {
  return (
    <Html lang="de">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: colors.background, fontFamily: "Helvetica, Arial, sans-serif", color: colors.text }}>
        <Container style={{ maxWidth: 560, margin: "0 auto", padding: "32px 24px", backgroundColor: "#ffffff" }}>
          {children}
          <Hr style={{ borderColor: "#e3e0d8", margin: "32px 0 16px" }} />
          <Section>
            <Text style={{ fontSize: 13, color: colors.muted, margin: 0 }}>{practiceName}</Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

export const paragraph = { fontSize: 16, lineHeight: "26px", margin: "0 0 16px" } as const;
