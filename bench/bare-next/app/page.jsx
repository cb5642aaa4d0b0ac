// A static page of the same markup as our article: bench/ceilings.ts writes content.json before the build.
import content from "../content.json";

export default function Page() {
  return <main dangerouslySetInnerHTML={{ __html: content.html }} />;
}
