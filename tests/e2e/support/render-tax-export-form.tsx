// Prints the tax export form's server-rendered markup (run with tsx, which resolves next/link).
import { renderToStaticMarkup } from "react-dom/server";
import { TaxExportForm } from "@/components/billing/TaxExportForm";

process.stdout.write(renderToStaticMarkup(<TaxExportForm today={process.argv[2] ?? "2027-03-31"} />));
