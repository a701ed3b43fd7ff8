import type { StepId, VendorId } from '../api/model';

export interface VendorStep {
  id: StepId;
  title: string;
  /** What the vendor's guide asks for in this step. */
  summary: string;
  optional?: boolean;
}

export interface AttributeStatement {
  name: string;
  /** SAML NameFormat; Okta's "Unspecified" unless the vendor says otherwise. */
  nameFormat: 'unspecified' | 'uri' | 'basic';
  /** Okta expression, e.g. `user.email`. */
  value: string;
}

/** SAML settings of a custom SAML 2.0 app. A field the vendor supplies per customer is `undefined` here. */
export interface SamlAppSettings {
  ssoAcsUrl?: string;
  recipient?: string;
  destination?: string;
  audience?: string;
  nameIdFormat: 'emailAddress' | 'unspecified' | 'persistent' | 'x509SubjectName';
  subjectNameIdTemplate: string;
  attributeStatements: AttributeStatement[];
  /** Which of the fields above the vendor hands the admin, rather than fixing them. */
  vendorSupplied: ('ssoAcsUrl' | 'audience')[];
  /** The admin sets the NameID format and the attribute statements (a generic SAML vendor). */
  editable?: boolean;
}

export type AppSpec =
  | { kind: 'catalog'; catalogName: string; label: string; slugField?: string }
  | { kind: 'custom'; label: string; saml: SamlAppSettings }
  | { kind: 'catalog-or-custom'; catalogName: string; label: string; saml: SamlAppSettings };

/** One value the vendor asks to be sent or pasted, in the vendor's own words. */
export interface RegistrationValue {
  key: 'metadataUrl' | 'companyName' | 'emailDomains' | 'certificatePem' | 'ssoUrl' | 'idpIssuer';
  label: string;
}

export interface RegistrationSpec {
  /** How the vendor takes the values: an email to support, pasting into its settings, or an API. */
  channel: 'email' | 'paste' | 'api';
  /** Other channels the admin may pick instead (a custom vendor may take an email or an API call). */
  alternatives?: ('email' | 'paste' | 'api')[];
  to?: string;
  subject?: string;
  values: RegistrationValue[];
  /** Where in the vendor's product the admin pastes the values, for `paste`. */
  where?: string;
  /** What the vendor does next and how long it takes, in the guide's words. */
  afterwards: string;
}

export interface ScimSpec {
  /** Whether Okta's API can switch provisioning on (catalog apps with connections/default). */
  via: 'api' | 'console';
  /** The SCIM base URL when the vendor publishes one fixed URL for every customer. */
  baseUrl?: string;
  userNameAttribute: 'userName';
  authMode: 'HTTP Header';
  features: ('create' | 'update' | 'deactivate' | 'reactivate')[];
  requiredAttributes: string[];
  /** Where the admin gets the SCIM bearer token, in the vendor guide's words. */
  tokenSource: string;
}

export interface RoleSpec {
  attribute: 'role';
  displayName: string;
  description: string;
  externalName: string;
  externalNamespace: string;
  required: boolean;
  values: { title: string; value: string }[];
}

export interface VendorProfile {
  id: VendorId;
  name: string;
  description: string;
  /** The vendor guide this profile follows. */
  guide: string;
  steps: VendorStep[];
  app: AppSpec;
  domains: { consumerMail: 'refuse' | 'flag'; why: string };
  registration: RegistrationSpec;
  scim?: ScimSpec;
  role?: RoleSpec;
  bookmark?: { label: string; urlFromVendor: boolean };
  /**
   * Moving the vendor's existing users to Okta: the guide's steps, and what the admin still does
   * after the migrate step has assigned everyone, in the vendor's own words.
   */
  migration?: { steps?: string[]; followUp: string[] };
  login: {
    idpInitiated: boolean;
    spInitiatedUrl?: string;
    /** A catalog app's ACS URL and audience, which Okta keeps in the app template; `{field}` is a `settings.app` field. */
    catalogSaml?: { acsUrl: string; audience: string };
  };
}
