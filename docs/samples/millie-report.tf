# Made by Okta Onboarding Wizard from what http://127.0.0.1:38917 held at 2026-11-27T16:08:45.726Z.
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

# http://127.0.0.1:38917 is not an address in an Okta cloud domain (a practice org):
# set org_name and base_url (or OKTA_ORG_NAME and OKTA_BASE_URL) for the real org.
provider "okta" {}

# Millie: Millie for the client "Acme (sandbox)".
resource "okta_app_saml" "millie" {
  preconfigured_app = "millie"
  label             = "Millie"
  status            = "ACTIVE"
  app_settings_json = jsonencode({ slugName = "acme-corp" })
}

import {
  to = okta_app_saml.millie
  id = "0oay5tC0qYHpN4Z9o1bf"
}

# 00gz2X1RmRfBNGZhSrB6: Engineering
resource "okta_app_group_assignments" "millie_groups" {
  app_id = okta_app_saml.millie.id
  group {
    id       = "00gz2X1RmRfBNGZhSrB6"
    priority = 0
  }
}

import {
  to = okta_app_group_assignments.millie_groups
  id = "0oay5tC0qYHpN4Z9o1bf"
}
