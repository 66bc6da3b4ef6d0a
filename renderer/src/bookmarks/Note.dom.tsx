/** A note with light formatting: **bold**, *italic*, and line breaks; nothing else is interpreted. */
import { markOf, NOTE_MARKS } from '../../../common/content/note-text.std';

export function NoteText({ text }: { text: string }) {
  return (
    <>
      {text.split('\n').map((line, i) => (
        <span key={i}>
          {line.split(NOTE_MARKS).map((part, j) => {
            const mark = markOf(part);
            if (!mark) return part;
            return mark.bold ? <strong key={j}>{mark.text}</strong> : <em key={j}>{mark.text}</em>;
          })}
          <br />
        </span>
      ))}
    </>
  );
}
