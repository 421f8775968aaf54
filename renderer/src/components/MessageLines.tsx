// A message from the core that may run to several lines (a list refused for the rows it names):
// its first line as a sentence, the rest as a list, so each row's problem can be read on its own.
export function MessageLines({ message }: { message: string }) {
  const [first, ...rest] = message.split('\n');
  return (
    <>
      <p>{first}</p>
      {rest.length > 0 && (
        <ul className="message-lines">
          {rest.map((line, index) => <li key={index}>{line}</li>)}
        </ul>
      )}
    </>
  );
}
