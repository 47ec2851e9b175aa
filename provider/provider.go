// Package provider builds the secureml Pulumi provider: its name, version and components.
package provider

import (
	"context"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/common/tokens"

	"github.com/secureml/pulumi-secureml/components/securemlnetwork"
)

// Name is the Pulumi package name.
const Name = "secureml"

// Version is set at build time with -ldflags "-X github.com/secureml/pulumi-secureml/provider.Version=...".
var Version = "0.1.0-dev"

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
		WithNamespace("secureml").
		WithGoImportPath("github.com/secureml/pulumi-secureml/sdk/go/secureml").
		WithModuleMap(map[tokens.ModuleName]tokens.ModuleName{"securemlnetwork": "index"}).
		WithComponents(infer.ComponentF(securemlnetwork.NewSecureMLNetwork)).
		Build()
}

// Run serves the provider to the Pulumi engine.
func Run(ctx context.Context) error {
	prov, err := New()
	if err != nil {
		return err
	}
	return prov.Run(ctx, Name, Version)
}
