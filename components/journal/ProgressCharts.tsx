import { LineChart } from "@/components/charts/LineChart";
import { Card } from "@/components/ui/Card";
import type { DailyPoint } from "@/lib/journal/progress";
import { weeklyAverages } from "@/lib/journal/weeks";
import { formatCalendarDate } from "@/lib/time/format";

/**
 * Pain and stress, and mood on its own 1–5 scale, for a range of days (the client's dashboard and
 * the coach's view of a client). `weekly` draws weekly means instead of daily points.
 */
export function ProgressCharts({ days, range, weekly }: { days: DailyPoint[]; range: string; weekly: boolean }) {
  const points = weekly ? weeklyAverages(days) : days;
  // A range across New Year names the year on every label, so January follows December, not precedes it.
  const acrossYears = points.length > 0 && points[0]!.date.slice(0, 4) !== points.at(-1)!.date.slice(0, 4);
  const labels = points.map((p) => formatCalendarDate(p.date, acrossYears ? "short-year" : "short"));
  const labelHeading = weekly ? "Woche ab" : "Datum";
  const per = weekly ? "Wochenmittel" : "Tageswerte";
  const moods = points.map((p) => p.mood ?? null);
  return (
    <Card className="flex flex-col gap-2">
      <LineChart
        title={`Schmerz und Stress, ${range}`}
        description={per}
        labels={labels}
        labelHeading={labelHeading}
        series={[
          { name: "Schmerz", color: "#a12a2a", values: points.map((p) => p.pain) },
          { name: "Stress", color: "#2f6b5e", values: points.map((p) => p.stress) },
        ]}
        yMin={0}
        yMax={10}
      />
      {moods.some((m) => m !== null) && (
        <LineChart
          title={`Stimmung, ${range}`}
          description={`${per}; 1 = sehr schlecht, 5 = sehr gut`}
          labels={labels}
          labelHeading={labelHeading}
          series={[{ name: "Stimmung", color: "#6b4fa1", values: moods }]}
          yMin={1}
          yMax={5}
          height={110}
        />
      )}
    </Card>
  );
}
