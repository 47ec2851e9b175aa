// Package provider builds the secureml Pulumi provider: its name, version and components.
package provider

import (
	"context"
	"fmt"
	"os"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/common/tokens"

	"github.com/secureml/pulumi-secureml/components/securemlnetwork"
	"github.com/secureml/pulumi-secureml/components/securemlworkspace"
)

// Name is the Pulumi package name.
const Name = "secureml"

// Version is set at build time with -ldflags "-X github.com/secureml/pulumi-secureml/provider.Version=...".
var Version = "0.1.0-dev"

// languages sets the package names of the generated SDKs (see design: npm @secureml/pulumi-secureml,
// Python pulumi_secureml, Go module .../sdk). No SDK depends on an azure-native SDK: outputs are IDs.
var languages = map[string]any{
	"go": map[string]any{
		"importBasePath":                 "github.com/secureml/pulumi-secureml/sdk/go/secureml",
		"generateResourceContainerTypes": true,
		"respectSchemaVersion":           true,
	},
	"nodejs": map[string]any{
		"packageName":          "@secureml/pulumi-secureml",
		"packageDescription":   "A private, locked-down network for Azure Machine Learning workspaces.",
		"dependencies":         map[string]string{"@pulumi/pulumi": "^3.142.0"},
		"respectSchemaVersion": true,
	},
	"python": map[string]any{
		"packageName":          "pulumi_secureml",
		"pythonRequires":       ">=3.9",
		"requires":             map[string]string{"pulumi": ">=3.142.0,<4.0.0"},
		"pyproject":            map[string]any{"enabled": true},
		"respectSchemaVersion": true,
	},
}

// New builds the provider.
func New() (p.Provider, error) {
	return infer.NewProviderBuilder().
		WithDisplayName("SecureML").
		WithDescription("A private, locked-down network for Azure Machine Learning workspaces.").
		WithKeywords("azure", "machine-learning", "network", "private-endpoint", "category/network", "kind/component").
		WithHomepage("https://github.com/secureml/pulumi-secureml").
		WithRepository("https://github.com/secureml/pulumi-secureml").
		WithPublisher("secureml").
		WithLicense("Apache-2.0").
		// Where `pulumi plugin install` and the SDKs look for released plugin binaries.
		WithPluginDownloadURL("github://api.github.com/secureml/pulumi-secureml").
		WithNamespace("secureml").
		WithLanguageMap(languages).
		WithModuleMap(map[tokens.ModuleName]tokens.ModuleName{"securemlnetwork": "index", "securemlworkspace": "index"}).
		WithComponents(
			withShapeInputs[securemlnetwork.Args]("SecureMLNetwork", infer.ComponentF(securemlnetwork.NewSecureMLNetwork)),
			withShapeInputs[securemlworkspace.Args]("SecureMLWorkspace", infer.ComponentF(securemlworkspace.NewSecureMLWorkspace)),
		).
		Build()
}

// Main serves the provider and exits non-zero on failure; the plugin's main functions call only this.
func Main() {
	if err := Run(context.Background()); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// Run serves the provider to the Pulumi engine.
func Run(ctx context.Context) error {
	prov, err := New()
	if err != nil {
		return err
	}
	return prov.Run(ctx, Name, Version)
}
