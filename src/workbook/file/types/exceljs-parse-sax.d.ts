/** ExcelJS's own XML event reader (saxes underneath), used by the streaming sheet reader. */
declare module 'exceljs/lib/utils/parse-sax' {
  type SaxEvent =
    | { eventType: 'opentag'; value: { name: string; attributes: Record<string, string | undefined> } }
    | { eventType: 'closetag'; value: { name: string } }
    | { eventType: 'text'; value: string };
  export default function parseSax(iterable: AsyncIterable<Buffer | string>): AsyncGenerator<SaxEvent[]>;
}
