import { makeStyles, tokens } from '@fluentui/react-components';

/** The layout the pane's sections share; each holds at 320 px wide. */
export const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '12px', padding: '12px', fontFamily: tokens.fontFamilyBase, minWidth: 0 },
  section: { display: 'flex', flexDirection: 'column', gap: '8px', minWidth: 0 },
  row: { display: 'flex', gap: '8px', alignItems: 'end', flexWrap: 'wrap' },
  grid: { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: '8px', rowGap: '2px' },
  item: { display: 'flex', flexDirection: 'column', gap: '2px', paddingBottom: '6px', minWidth: 0, overflowWrap: 'anywhere' },
  /**
   * Fields side by side, as many as fit. Each field's label, box and message sit on rows shared with
   * its neighbours (subgrid): a long label or a message under one box moves none of the others.
   */
  fields: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(128px, 1fr))', columnGap: '12px', rowGap: 0 },
  /** What fourFields inside it measure themselves by. */
  widthContainer: { containerType: 'inline-size' },
  /** Four fields: in one row where four of 128 px fit, two and two otherwise, never three and one. */
  fourFields: { gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', '@container (min-width: 548px)': { gridTemplateColumns: 'repeat(4, minmax(0, 1fr))' } },
  field: { gridRow: 'span 3', display: 'grid', gridTemplateRows: 'subgrid', alignItems: 'end', rowGap: 0, paddingBottom: '8px', minWidth: 0 },
  small: { width: '72px' },
  /** An option not chosen reads as plainly as the chosen one, not greyed as if it could not be chosen. */
  radio: { '& input:enabled:not(:checked) ~ .fui-Radio__label': { color: tokens.colorNeutralForeground1 } },
  badge: { whiteSpace: 'nowrap', flexShrink: 0 },
  visuallyHidden: { position: 'absolute', width: '1px', height: '1px', margin: '-1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', border: 0 },
  /** A table as it will be copied, scrolled sideways where it is wider than the page. */
  preview: { overflowX: 'auto', maxHeight: '480px', overflowY: 'auto', backgroundColor: tokens.colorNeutralBackground1, padding: '4px', overflowWrap: 'normal' },
  details: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});
