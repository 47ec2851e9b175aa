// Package policy is the secureml security policy pack: checks, written with policyx, on the
// azure-native resources SecureMLNetwork creates (and on any other azure-native resources of the
// stack). Each check names the built-in Azure Policy definition and the Checkov check it mirrors, or
// "none". Users build it with `make policy` and run it with `pulumi preview --policy-pack <binary>`;
// docs/policy-pack.md lists the checks.
//
// Resource checks see one resource's inputs; stack checks see every resource, tied to each other by
// their IDs when known and, during a preview (when IDs are not known yet), by the resources each
// property depends on. A value unknown during a preview is never reported: the check cannot tell.
package policy
