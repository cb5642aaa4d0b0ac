import type { Appointment } from "@/db/schema";

type Channel = Appointment["channel"];

/** How an appointment takes place, as a label: "Video", "Telefon", "Vor Ort". */
export const channelName: Record<Channel, string> = { video: "Video", phone: "Telefon", in_person: "Vor Ort" };

/** The same inside a sentence: "per Video", "per Telefon", "vor Ort". */
export const channelText: Record<Channel, string> = { video: "per Video", phone: "per Telefon", in_person: "vor Ort" };
