/** Picks the progress reporter for the output stream. */
import { type ImportProgressReporter } from './import-progress';
import { ProgressBarReporter } from './progress-bar.reporter';
import { ProgressLinesReporter } from './progress-lines.reporter';

/** A bar on a terminal; plain lines every few seconds otherwise (CI logs, pipes, files). */
export function progressReporterFor(stream: NodeJS.WriteStream): ImportProgressReporter {
  return stream.isTTY ? new ProgressBarReporter(stream) : new ProgressLinesReporter(stream);
}
