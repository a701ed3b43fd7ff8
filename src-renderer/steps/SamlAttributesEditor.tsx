import { useId } from 'react';
import type { z } from 'zod';
import type { AttributeStatementInputSchema, NameIdFormatSchema } from '../../src-main/api/step-app';

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

/**
 * The console's "Name ID format" and "Attribute Statements" for a generic SAML vendor: the admin
 * types what the vendor asks for; main validates each row and names the one at fault.
 */
export function SamlAttributesEditor({
  nameIdFormat,
  statements,
  onNameIdFormat,
  onStatements,
  errorFor,
}: {
  nameIdFormat: NameIdFormat;
  statements: StatementInput[];
  onNameIdFormat(format: NameIdFormat): void;
  onStatements(next: StatementInput[]): void;
  errorFor(field: string): string | undefined;
}) {
  const id = useId();
  const update = (index: number, patch: Partial<StatementInput>) =>
    onStatements(statements.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  const rowError = (index: number) =>
    errorFor(`attributeStatements.${index}.name`) ?? errorFor(`attributeStatements.${index}.value`);
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
          {statements.map((s, i) => (
            <tr key={i} data-attribute-row={i} className={rowError(i) ? 'field-invalid' : undefined}>
              <td>
                <input
                  aria-label={`Attribute ${i + 1} name`}
                  value={s.name}
                  onChange={(e) => update(i, { name: e.target.value })}
                  spellCheck={false}
                />
              </td>
              <td>
                <select
                  aria-label={`Attribute ${i + 1} name format`}
                  value={s.nameFormat}
                  onChange={(e) => update(i, { nameFormat: e.target.value as StatementInput['nameFormat'] })}
                >
                  {(Object.keys(FORMAT_LABELS) as StatementInput['nameFormat'][]).map((f) => (
                    <option key={f} value={f}>
                      {FORMAT_LABELS[f]}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <input
                  aria-label={`Attribute ${i + 1} value`}
                  value={s.value}
                  onChange={(e) => update(i, { value: e.target.value })}
                  placeholder="user.email"
                  spellCheck={false}
                />
                {rowError(i) ? (
                  <p className="field-error" role="alert">
                    {rowError(i)}
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
          ))}
        </tbody>
      </table>
      <button
        type="button"
        onClick={() => onStatements([...statements, { name: '', nameFormat: 'unspecified', value: '' }])}
      >
        Add attribute
      </button>
    </fieldset>
  );
}
