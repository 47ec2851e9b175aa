// Package sdkgen generates the language SDKs from the schema with Pulumi's codegen packages. It lives
// apart from the provider so the plugin binary does not carry the code generators.
package sdkgen

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/blang/semver"
	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	"github.com/pulumi/pulumi/pkg/v3/codegen/nodejs"
	"github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

// SDKLanguages are the languages GenerateSDK supports. The .NET generator is not part of pkg/v3, so
// there is no C# SDK.
var SDKLanguages = []string{"go", "nodejs", "python"}

const generatorName = "pulumi-gen-secureml"

// GenerateSDK generates the SDK for language from the schema, stamped with version. It returns the
// files by path relative to the SDK's folder.
func GenerateSDK(schemaJSON []byte, language, version string) (map[string][]byte, error) {
	var spec schema.PackageSpec
	if err := json.Unmarshal(schemaJSON, &spec); err != nil {
		return nil, fmt.Errorf("reading the schema: %w", err)
	}
	if _, err := semver.Parse(version); err != nil {
		return nil, fmt.Errorf("version %q is not semver: %w", version, err)
	}
	spec.Version = version
	pkg, diags, err := schema.BindSpec(spec, noReferences{}, schema.ValidationOptions{})
	if err != nil {
		return nil, err
	}
	if diags.HasErrors() {
		return nil, diags
	}
	switch language {
	case "go":
		return gogen.GeneratePackage(generatorName, pkg, nil)
	case "nodejs":
		return nodejs.GeneratePackage(generatorName, pkg, nil, nil, false, noReferences{})
	case "python":
		return python.GeneratePackage(generatorName, pkg, nil, noReferences{})
	default:
		return nil, fmt.Errorf("no SDK generator for %q; use one of %v", language, SDKLanguages)
	}
}

// noReferences is the schema loader: the schema refers to no other package (outputs are plain IDs),
// so any lookup is an error.
type noReferences struct{}

var errNoReferences = errors.New("the secureml schema refers to no other package")

func (noReferences) LoadPackage(string, *semver.Version) (*schema.Package, error) {
	return nil, errNoReferences
}

func (noReferences) LoadPackageV2(context.Context, *schema.PackageDescriptor) (*schema.Package, error) {
	return nil, errNoReferences
}

func (noReferences) LoadPackageReference(string, *semver.Version) (schema.PackageReference, error) {
	return nil, errNoReferences
}

func (noReferences) LoadPackageReferenceV2(context.Context, *schema.PackageDescriptor) (schema.PackageReference, error) {
	return nil, errNoReferences
}
