// A section not built yet: what it will hold, and its guidance to read meanwhile.
import { PREVIEW_GUIDANCE, SECTION_PREVIEWS } from './section-previews.ts';

export function SectionPreview({ section }: { section: string }) {
  const guidance = PREVIEW_GUIDANCE[section];
  return (
    <div className="worksheet">
      <p className="inset"><strong>This section is not built yet.</strong> It will hold: {SECTION_PREVIEWS[section] ?? 'more of the method.'}</p>
      {guidance && (
        <section className="guidance" aria-labelledby="preview-guidance-heading">
          <h3 id="preview-guidance-heading" className="guidance__heading">Why this matters, and what to ask</h3>
          <p>{guidance.why}</p>
          <ul>
            {guidance.questions.map((question) => <li key={question}>{question}</li>)}
          </ul>
        </section>
      )}
    </div>
  );
}
