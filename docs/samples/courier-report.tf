# Made by Okta Onboarding Wizard from what http://127.0.0.1:40861 held at 2026-11-27T16:08:56.287Z.
# Every object below already exists: the import blocks adopt them, so the first `terraform plan`
# shows imports and no change. No secret is written here: give the provider its API token
# through OKTA_API_TOKEN (or its OAuth key through the OKTA_* variables).
terraform {
  required_version = ">= 1.7.0"
  required_providers {
    okta = {
      source  = "okta/okta"
      version = "~> 6.12"
    }
  }
}

# http://127.0.0.1:40861 is not an address in an Okta cloud domain (a practice org):
# set org_name and base_url (or OKTA_ORG_NAME and OKTA_BASE_URL) for the real org.
provider "okta" {}

# Courier: Courier for the client "Acme (sandbox)".
# Provisioning was set up in the Admin Console, where Okta's API cannot read it, so it is not in this file.
resource "okta_app_saml" "courier" {
  label                    = "Courier"
  status                   = "ACTIVE"
  sso_url                  = "https://courier.example.com/saml/acs"
  recipient                = "https://courier.example.com/saml/acs"
  destination              = "https://courier.example.com/saml/acs"
  audience                 = "https://courier.example.com/saml/metadata"
  subject_name_id_template = "$${user.email}"
  subject_name_id_format   = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress"
  response_signed          = true
  assertion_signed         = true
  signature_algorithm      = "RSA_SHA256"
  digest_algorithm         = "SHA256"
  honor_force_authn        = true
  authn_context_class_ref  = "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"
  request_compressed       = false
  user_name_template       = "$${source.login}"
  user_name_template_type  = "BUILT_IN"
  attribute_statements {
    type      = "EXPRESSION"
    name      = "id"
    namespace = "urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified"
    values    = ["user.id"]
  }
  attribute_statements {
    type      = "EXPRESSION"
    name      = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress"
    namespace = "urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified"
    values    = ["user.email"]
  }
}

import {
  to = okta_app_saml.courier
  id = "0oawihcFM7mhJBhmET0X"
}

resource "okta_app_user_schema_property" "courier_role" {
  app_id             = okta_app_saml.courier.id
  index              = "role"
  title              = "Role"
  type               = "string"
  description        = "Courier Role"
  enum               = ["ADMINISTRATOR", "MANAGER", "DEVELOPER", "DESIGNER", "SUPPORT_SPECIALIST", "ANALYST"]
  master             = "PROFILE_MASTER"
  scope              = "NONE"
  required           = true
  external_name      = "role"
  external_namespace = "urn:ietf:params:scim:schemas:core:2.0:User"
  one_of {
    const = "ADMINISTRATOR"
    title = "Admin"
  }
  one_of {
    const = "MANAGER"
    title = "Manager"
  }
  one_of {
    const = "DEVELOPER"
    title = "Developer"
  }
  one_of {
    const = "DESIGNER"
    title = "Designer"
  }
  one_of {
    const = "SUPPORT_SPECIALIST"
    title = "Support"
  }
  one_of {
    const = "ANALYST"
    title = "Analyst"
  }
}

import {
  to = okta_app_user_schema_property.courier_role
  id = "0oawihcFM7mhJBhmET0X/role"
}

# 00grbvelY9uKQ8h5HAV6: Engineering
# 00gAW1JWzgSR7Fiw0pdb: Support
resource "okta_app_group_assignments" "courier_groups" {
  app_id = okta_app_saml.courier.id
  group {
    id       = "00grbvelY9uKQ8h5HAV6"
    priority = 0
    profile  = jsonencode({ role = "DEVELOPER" })
  }
  group {
    id       = "00gAW1JWzgSR7Fiw0pdb"
    priority = 1
    profile  = jsonencode({ role = "SUPPORT_SPECIALIST" })
  }
}

import {
  to = okta_app_group_assignments.courier_groups
  id = "0oawihcFM7mhJBhmET0X"
}

resource "okta_app_bookmark" "courier_bookmark" {
  label               = "Courier Login"
  url                 = "https://app.courier.example/login"
  request_integration = false
  status              = "ACTIVE"
}

import {
  to = okta_app_bookmark.courier_bookmark
  id = "0oa3hnWqsdI7k9sKP1Tr"
}
