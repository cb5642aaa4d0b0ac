"use server";

import { revalidatePath } from "next/cache";
import { commandAction, fields, formAction } from "@/lib/http/form-action";
import { addCaldavConnection, addIcalConnection, removeConnection, saveCalendarChoices, saveWriteback } from "./connections";
import { caldavConnectionSchema, calendarChoicesSchema, icalConnectionSchema, removeConnectionSchema, writebackSchema } from "./schemas";

const refresh = () => {
  revalidatePath("/coach/einstellungen");
  revalidatePath("/coach");
};

export const addCaldavConnectionAction = formAction({
  role: "coach",
  schema: caldavConnectionSchema,
  read: (form) => fields(form, ["label", "serverUrl", "username", "password"]),
  run: async (input, { user }) => {
    await addCaldavConnection(user.id, input);
    refresh();
    return "Verbunden. Wähle unten, welche Kalender als belegt zählen.";
  },
});

export const addIcalConnectionAction = formAction({
  role: "coach",
  schema: icalConnectionSchema,
  read: (form) => fields(form, ["label", "url"]),
  run: async (input, { user }) => {
    await addIcalConnection(user.id, input);
    refresh();
    return "Abonniert. Termine darin sind ab sofort für Buchungen belegt.";
  },
});

export const saveCalendarChoicesAction = formAction({
  role: "coach",
  schema: calendarChoicesSchema,
  read: (form) => ({
    connectionId: form.get("connectionId"),
    busy: form.getAll("busy"),
    showTitles: form.get("showTitles") === "on" ? "on" : "off",
  }),
  run: async (input, { user }) => {
    await saveCalendarChoices(user.id, input);
    refresh();
    return "Gespeichert.";
  },
});

export const saveWritebackAction = formAction({
  role: "coach",
  schema: writebackSchema,
  read: (form) => ({ calendarId: form.get("calendarId") ?? "", fullNames: form.get("fullNames") === "on" ? "on" : "off" }),
  run: async (input, { user }) => {
    await saveWriteback(user.id, input);
    refresh();
    revalidatePath("/datenschutz");
    return input.calendarId
      ? "Gespeichert. Neue und geänderte Termine erscheinen ab jetzt in diesem Kalender."
      : "Gespeichert. Es werden keine Termine mehr in einen Kalender geschrieben.";
  },
});

export const removeConnectionAction = commandAction({
  role: "coach",
  schema: removeConnectionSchema,
  read: (form) => ({ id: form.get("id") }),
  run: async (input, { user }) => {
    await removeConnection(user.id, input.id);
    refresh();
  },
  refused: () => {},
});
