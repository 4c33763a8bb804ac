// Reads an .ics file (standard input) with Mozilla's ical.js and prints its events as JSON: UID, the zone ical.js resolved the start in,
// and start and end as UTC instants. ical.js has no time-zone database of its own: a zoned time is turned into UTC
// with the rules of the file's own VTIMEZONE (no rules there means no offset), which is what the tests check.
import ICAL from 'ical.js';
import { readFileSync } from 'node:fs';

const calendar = new ICAL.Component(ICAL.parse(readFileSync(0, 'utf8')));
const utc = time => new Date(time.toUnixTime() * 1000).toISOString();
const events = calendar.getAllSubcomponents('vevent').map(component => {
  const event = new ICAL.Event(component);
  return { uid: event.uid, zone: event.startDate.zone?.tzid ?? null, start: utc(event.startDate), end: utc(event.endDate) };
});
console.log(JSON.stringify(events));
