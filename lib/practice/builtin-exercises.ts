import type { ExerciseKind } from "@/db/schema";

/**
 * The exercises every practice starts with, written in our own words (du, calm, no promises).
 * Written into the database on every start (db/seed/practice.ts, called from seedEssentials, which
 * runs in production too), keyed by `key` and fixed ids: a new release updates their text, and the
 * coach's own exercises are never touched. The coach cannot edit these, only add their own.
 */
export type BuiltinExercise = {
  key: string;
  id: string;
  kind: ExerciseKind;
  title: string;
  summary: string;
  minutes: number;
  body: string;
};

export const builtinExercises: BuiltinExercise[] = [
  {
    key: "somatic-tracking",
    id: "00000000-0000-4000-8000-00000000e001",
    kind: "somatic_tracking",
    title: "Somatic Tracking",
    summary: "Mit neugieriger, freundlicher Aufmerksamkeit bei einer Empfindung bleiben und dabei Angst und Stärke getrennt beobachten.",
    minutes: 10,
    body: [
      "Such dir einen ruhigen Platz und setz oder leg dich so hin, dass es für dich gerade passt.",
      "",
      "1. Richte deine Aufmerksamkeit auf die Stelle, an der du gerade etwas spürst. Du musst nichts verändern.",
      "2. Beschreib die Empfindung für dich in einfachen Worten: Ist sie warm oder kühl, eng oder weit, pochend, ziehend, ruhig? Wo beginnt sie, wo hört sie auf?",
      "3. Frag dich getrennt voneinander: Wie stark ist die Empfindung gerade (0–10)? Und wie viel Angst oder Sorge habe ich ihretwegen (0–10)? Das sind zwei verschiedene Dinge, und sie dürfen sich unterschiedlich bewegen.",
      "4. Erinnere dich an das, was du über deinen Körper weißt: Dein Körper wurde untersucht, und diese Empfindung darf da sein, während du hinschaust.",
      "5. Bleib ein paar Atemzüge lang neugierig dabei, so wie du einem Geräusch draußen zuhören würdest. Verändert sich etwas? Wandert es, wird es weicher, bleibt es gleich? Alles ist in Ordnung.",
      "6. Zum Schluss lenk deine Aufmerksamkeit auf etwas Angenehmes: deinen Atem, die Wärme deiner Hände, einen Ton im Raum.",
      "",
      "Es geht nicht darum, dass die Empfindung verschwindet. Es geht darum, ihr ohne Alarm zu begegnen.",
    ].join("\n"),
  },
  {
    key: "safety-reappraisal",
    id: "00000000-0000-4000-8000-00000000e002",
    kind: "safety_reappraisal",
    title: "Sicherheitsbotschaft",
    summary: "Einer Empfindung mit einer freundlichen, sachlichen Einordnung begegnen statt mit Alarm.",
    minutes: 5,
    body: [
      "Wenn sich dein Rücken meldet, springt oft zuerst ein Alarmgedanke an: „Da ist etwas kaputt.“",
      "",
      "1. Halte kurz inne und bemerke den Gedanken, ohne ihn wegzuschieben.",
      "2. Sammle, was du über deine Situation weißt: Was haben Ärztin oder Arzt gesagt? Wann war es schon einmal anders, leichter, ganz weg?",
      "3. Sag dir einen Satz, der für dich stimmt, zum Beispiel: „Mein Körper ist untersucht. Diese Empfindung ist unangenehm, aber sie ist kein Zeichen von Gefahr.“",
      "4. Sprich innerlich so mit dir, wie du mit einer guten Freundin sprechen würdest: ruhig, geduldig, ohne Druck.",
      "",
      "Schreib dir deinen Satz gern auf einen Zettel oder ins Handy, damit er da ist, wenn du ihn brauchst.",
    ].join("\n"),
  },
  {
    key: "positive-affect",
    id: "00000000-0000-4000-8000-00000000e003",
    kind: "positive_affect",
    title: "Gute Momente auskosten",
    summary: "Ein paar Minuten lang ganz bewusst bei etwas Angenehmem verweilen.",
    minutes: 5,
    body: [
      "Dein Nervensystem lernt nicht nur aus Alarm, sondern auch aus Momenten, in denen es dir gut geht.",
      "",
      "1. Denk an etwas Schönes von heute oder gestern, auch etwas Kleines: der erste Kaffee, ein Lachen, Sonne auf der Haut.",
      "2. Stell dir den Moment so genau wie möglich vor: Was hast du gesehen, gehört, gerochen?",
      "3. Spür nach, wo im Körper sich das Angenehme zeigt. Vielleicht wird der Atem etwas tiefer oder die Schultern sinken.",
      "4. Bleib etwa eine Minute bei diesem Gefühl. Wenn deine Gedanken abschweifen, kehr einfach freundlich zurück.",
      "",
      "Du kannst die Übung auch mitten im Alltag machen, wenn gerade etwas schön ist: kurz innehalten und es bewusst wahrnehmen.",
    ].join("\n"),
  },
  {
    key: "expressive-writing",
    id: "00000000-0000-4000-8000-00000000e004",
    kind: "expressive_writing",
    title: "Freies Schreiben",
    summary: "Gefühle und Gedanken ohne Zensur aufschreiben, für dich allein.",
    minutes: 15,
    body: [
      "Nimm dir Papier und Stift (oder eine Datei, die nur du liest) und stell dir einen Wecker auf 15 Minuten.",
      "",
      "1. Schreib über etwas, das dich gerade beschäftigt, ärgert, traurig macht oder belastet, heute oder früher im Leben.",
      "2. Schreib ohne Pause und ohne auf Rechtschreibung oder schöne Sätze zu achten. Niemand liest es.",
      "3. Erlaub dir alle Gefühle, auch die, die du sonst lieber nicht zeigst: Wut, Enttäuschung, Kränkung, Angst.",
      "4. Wenn die Zeit um ist, hör auf. Du kannst das Blatt danach zerreißen oder löschen; das Schreiben selbst ist die Übung.",
      "",
      "Manchmal fühlt man sich direkt danach aufgewühlt. Das ist in Ordnung und geht meist schnell vorüber. Gönn dir danach etwas Ruhiges.",
    ].join("\n"),
  },
  {
    key: "graded-return",
    id: "00000000-0000-4000-8000-00000000e005",
    kind: "graded_return",
    title: "Schritt für Schritt zurück zu einer Bewegung",
    summary: "Eine Bewegung, die du meidest, in kleinen, sicheren Schritten wieder ausprobieren.",
    minutes: 10,
    body: [
      "Such dir eine Bewegung aus, die du seit einer Weile meidest, zum Beispiel dich bücken, etwas heben oder länger gehen.",
      "",
      "1. Wähl eine kleine Version davon, die sich machbar anfühlt: dich nur ein Stück nach vorn beugen, eine leichte Tasche tragen, fünf Minuten gehen.",
      "2. Schätz vorher ein, wie viel Angst du vor der Bewegung hast (0–10) und wie stark du gerade etwas spürst (0–10).",
      "3. Mach die Bewegung langsam und mit ruhigem Atem. Sag dir dabei deinen Sicherheitssatz.",
      "4. Beobachte danach mit Neugier, was passiert ist, und schätz Angst und Stärke noch einmal getrennt ein.",
      "5. Wiederhol die kleine Version an den nächsten Tagen. Wenn sie sich leichter anfühlt, geh einen kleinen Schritt weiter.",
      "",
      "Du bestimmst das Tempo. Sprich in der nächsten Sitzung mit mir darüber, wie es dir damit geht.",
    ].join("\n"),
  },
];
