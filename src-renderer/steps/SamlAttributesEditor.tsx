import { useId, useState } from 'react';
import type { z } from 'zod';
import { checkExpression } from '../../src-main/api/okta-expression';
import type {
  AttributeStatementInputSchema,
  GroupFilterType,
  GroupStatementInput,
  NameIdFormatSchema,
} from '../../src-main/api/step-app';

export type StatementInput = z.infer<typeof AttributeStatementInputSchema>;
export type NameIdFormat = z.infer<typeof NameIdFormatSchema>;

const NAME_ID_LABELS: Record<NameIdFormat, string> = {
  emailAddress: 'EmailAddress',
  unspecified: 'Unspecified',
  persistent: 'Persistent',
  x509SubjectName: 'x509SubjectName',
};
const FORMAT_LABELS: Record<StatementInput['nameFormat'], string> = {
  unspecified: 'Unspecified',
  uri: 'URI Reference',
  basic: 'Basic',
};
const FILTER_LABELS: Record<GroupFilterType, string> = {
  STARTS_WITH: 'Starts with',
  EQUALS: 'Equals',
  CONTAINS: 'Contains',
  REGEX: 'Matches regex',
};

function FormatSelect({
  label,
  value,
  onChange,
}: {
  label: string;
  value: StatementInput['nameFormat'];
  onChange(next: StatementInput['nameFormat']): void;
}) {
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value as StatementInput['nameFormat'])}>
      {(Object.keys(FORMAT_LABELS) as StatementInput['nameFormat'][]).map((f) => (
        <option key={f} value={f}>
          {FORMAT_LABELS[f]}
        </option>
      ))}
    </select>
  );
}

/**
 * The console's "Name ID format", "Attribute Statements" and "Group Attribute Statements" for a
 * generic SAML vendor. Each expression is checked as the admin leaves the field: what Okta would
 * refuse shows in red, and an attribute the org's profile lacks (Okta would send nothing) in amber.
 */
export function SamlAttributesEditor({
  nameIdFormat,
  statements,
  groupStatements,
  profileAttributes,
  onNameIdFormat,
  onStatements,
  onGroupStatements,
  errorFor,
}: {
  nameIdFormat: NameIdFormat;
  statements: StatementInput[];
  groupStatements: GroupStatementInput[];
  /** The org's Okta user profile attributes, when main could read them. */
  profileAttributes: readonly string[] | undefined;
  onNameIdFormat(format: NameIdFormat): void;
  onStatements(next: StatementInput[]): void;
  onGroupStatements(next: GroupStatementInput[]): void;
  errorFor(field: string): string | undefined;
}) {
  const id = useId();
  const [touched, setTouched] = useState<ReadonlySet<number>>(new Set());
  const touch = (index: number) => setTouched((t) => new Set([...t, index]));
  const update = (index: number, patch: Partial<StatementInput>) =>
    onStatements(statements.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  const updateGroup = (index: number, patch: Partial<GroupStatementInput>) =>
    onGroupStatements(groupStatements.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  const rowError = (index: number) =>
    errorFor(`attributeStatements.${index}.name`) ?? errorFor(`attributeStatements.${index}.value`);
  /** Main's refusal first; else, once the admin has left the field, what Okta would make of it. */
  const rowMessage = (index: number): { tone: 'error' | 'warning'; text: string } | undefined => {
    const refused = rowError(index);
    if (refused) return { tone: 'error', text: refused };
    const statement = statements[index];
    if (!statement || !touched.has(index) || statement.value.trim() === '') return undefined;
    const report = checkExpression(statement.value, profileAttributes);
    if (report.error) return { tone: 'error', text: report.error };
    return report.warning ? { tone: 'warning', text: report.warning } : undefined;
  };
  const groupError = (index: number) =>
    errorFor(`groupStatements.${index}.name`) ??
    errorFor(`groupStatements.${index}.filterValue`) ??
    errorFor(`groupStatements.${index}.filterType`);
  return (
    <fieldset className="saml-attributes">
      <legend>What Okta sends the vendor</legend>
      <div className="field">
        <label htmlFor={`${id}-nameid`}>Name ID format</label>
        <select
          id={`${id}-nameid`}
          value={nameIdFormat}
          onChange={(e) => onNameIdFormat(e.target.value as NameIdFormat)}
        >
          {(Object.keys(NAME_ID_LABELS) as NameIdFormat[]).map((f) => (
            <option key={f} value={f}>
              {NAME_ID_LABELS[f]}
            </option>
          ))}
        </select>
        <p className="field-hint">The Name ID value is the user's email address.</p>
      </div>
      <table className="saml-attribute-table" aria-label="Attribute statements">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Name format</th>
            <th scope="col">Value (Okta expression)</th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {statements.map((s, i) => {
            const message = rowMessage(i);
            return (
              <tr
                key={i}
                data-attribute-row={i}
                className={message?.tone === 'error' ? 'field-invalid' : message ? 'field-warning' : undefined}
              >
                <td>
                  <input
                    aria-label={`Attribute ${i + 1} name`}
                    value={s.name}
                    onChange={(e) => update(i, { name: e.target.value })}
                    spellCheck={false}
                  />
                </td>
                <td>
                  <FormatSelect
                    label={`Attribute ${i + 1} name format`}
                    value={s.nameFormat}
                    onChange={(nameFormat) => update(i, { nameFormat })}
                  />
                </td>
                <td>
                  <input
                    aria-label={`Attribute ${i + 1} value`}
                    aria-invalid={message?.tone === 'error'}
                    aria-describedby={message ? `${id}-attr-${i}-message` : undefined}
                    value={s.value}
                    onChange={(e) => update(i, { value: e.target.value })}
                    onBlur={() => touch(i)}
                    placeholder="user.email"
                    spellCheck={false}
                  />
                  {message ? (
                    <p
                      id={`${id}-attr-${i}-message`}
                      className={message.tone === 'error' ? 'field-error' : 'field-warning-text'}
                      role={message.tone === 'error' ? 'alert' : 'status'}
                      data-expression-message={message.tone}
                    >
                      {message.text}
                    </p>
                  ) : null}
                </td>
                <td>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Remove attribute ${i + 1}`}
                    onClick={() => onStatements(statements.filter((_, j) => j !== i))}
                  >
                    ×
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button
        type="button"
        onClick={() => onStatements([...statements, { name: '', nameFormat: 'unspecified', value: '' }])}
      >
        Add attribute
      </button>
      {profileAttributes === undefined ? null : (
        <p className="field-hint">
          Checked against this org&apos;s user profile ({profileAttributes.length} attributes) and Okta&apos;s
          expression language (String., Arrays., Convert., group functions).
        </p>
      )}
      <table className="saml-attribute-table" aria-label="Group attribute statements">
        <caption>
          Group attribute statements: Okta sends the names of the user&apos;s groups that pass the filter.
        </caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Name format</th>
            <th scope="col">Filter</th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {groupStatements.map((g, i) => (
            <tr key={i} data-group-row={i} className={groupError(i) ? 'field-invalid' : undefined}>
              <td>
                <input
                  aria-label={`Group attribute ${i + 1} name`}
                  value={g.name}
                  onChange={(e) => updateGroup(i, { name: e.target.value })}
                  spellCheck={false}
                />
              </td>
              <td>
                <FormatSelect
                  label={`Group attribute ${i + 1} name format`}
                  value={g.nameFormat}
                  onChange={(nameFormat) => updateGroup(i, { nameFormat })}
                />
              </td>
              <td className="group-filter">
                <select
                  aria-label={`Group attribute ${i + 1} filter`}
                  value={g.filterType}
                  onChange={(e) => updateGroup(i, { filterType: e.target.value as GroupFilterType })}
                >
                  {(Object.keys(FILTER_LABELS) as GroupFilterType[]).map((f) => (
                    <option key={f} value={f}>
                      {FILTER_LABELS[f]}
                    </option>
                  ))}
                </select>
                <input
                  aria-label={`Group attribute ${i + 1} filter value`}
                  value={g.filterValue}
                  onChange={(e) => updateGroup(i, { filterValue: e.target.value })}
                  placeholder="Courier-"
                  spellCheck={false}
                />
                {groupError(i) ? (
                  <p className="field-error" role="alert">
                    {groupError(i)}
                  </p>
                ) : null}
              </td>
              <td>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Remove group attribute ${i + 1}`}
                  onClick={() => onGroupStatements(groupStatements.filter((_, j) => j !== i))}
                >
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        onClick={() =>
          onGroupStatements([
            ...groupStatements,
            { name: 'groups', nameFormat: 'unspecified', filterType: 'STARTS_WITH', filterValue: '' },
          ])
        }
      >
        Add group attribute
      </button>
    </fieldset>
  );
}
