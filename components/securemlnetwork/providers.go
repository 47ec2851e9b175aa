package securemlnetwork

import (
	"fmt"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// azureNativeVersion is the azure-native plugin the children use: go.mod pins the network module
// github.com/pulumi/pulumi-azure-native-sdk/network/v2 at this version (a test checks they agree).
const azureNativeVersion = "2.90.0"

// forwardedConfig are the azure-native settings (the v2.90.0 SDK's config keys, subscriptionId aside)
// that a provider for another subscription takes from the stack's configuration, so it signs in the
// way the default provider does. Settings given as environment variables (ARM_CLIENT_ID and so on) need
// nothing: every azure-native provider reads them.
var forwardedConfig = []string{
	"auxiliaryTenantIds", "clientCertificatePassword", "clientCertificatePath", "clientId", "clientSecret",
	"disablePulumiPartnerId", "environment", "metadataHost", "msiEndpoint", "oidcRequestToken", "oidcRequestUrl",
	"oidcToken", "oidcTokenFilePath", "partnerId", "tenantId", "useMsi", "useOidc",
}

// secretConfig are the forwarded settings that stay secret even when the stack config holds them in
// plain text (the SDK wraps them the same way).
var secretConfig = map[string]bool{
	"clientCertificatePassword": true, "clientId": true, "clientSecret": true, "oidcRequestToken": true, "oidcToken": true,
}

// azureNativeProvider is an explicit azure-native provider registered by the component.
type azureNativeProvider struct {
	pulumi.ProviderResourceState
}

// subscriptionProviders creates, once per subscription, the azure-native provider for children that
// live in another subscription than the deploying one (a link to a hub's private DNS zone). Each is a
// child of the component, named after its subscription.
type subscriptionProviders struct {
	ctx       *pulumi.Context
	names     childNames
	parent    pulumi.Resource
	providers map[string]pulumi.ProviderResource
}

func newSubscriptionProviders(ctx *pulumi.Context, names childNames, parent pulumi.Resource) *subscriptionProviders {
	return &subscriptionProviders{ctx: ctx, names: names, parent: parent, providers: map[string]pulumi.ProviderResource{}}
}

// forSubscription returns the provider for subscription, registering it the first time.
func (s *subscriptionProviders) forSubscription(subscription string) (pulumi.ProviderResource, error) {
	key := strings.ToLower(subscription)
	if p, ok := s.providers[key]; ok {
		return p, nil
	}
	props := pulumi.Map{"subscriptionId": pulumi.String(key)}
	for _, setting := range forwardedConfig {
		value, ok := s.ctx.GetConfig("azure-native:" + setting)
		if !ok {
			continue
		}
		if secretConfig[setting] || s.ctx.IsConfigSecret("azure-native:"+setting) {
			props[setting] = pulumi.ToSecret(pulumi.String(value))
		} else {
			props[setting] = pulumi.String(value)
		}
	}
	var p azureNativeProvider
	err := s.ctx.RegisterResource("pulumi:providers:azure-native", s.names.subscriptionProvider(key), props, &p,
		pulumi.Parent(s.parent), pulumi.Version(azureNativeVersion))
	if err != nil {
		return nil, fmt.Errorf("registering the azure-native provider for subscription %s: %w", key, err)
	}
	s.providers[key] = &p
	return &p, nil
}

// deployingSubscription returns the subscription of the azure-native provider the component's
// children use by default.
func deployingSubscription(ctx *pulumi.Context, parent pulumi.Resource) (string, error) {
	var config struct {
		SubscriptionID string `pulumi:"subscriptionId"`
	}
	err := ctx.Invoke("azure-native:authorization:getClientConfig", nil, &config, pulumi.Parent(parent),
		pulumi.Version(azureNativeVersion))
	if err != nil {
		return "", fmt.Errorf("reading the deploying subscription, to link zones in other subscriptions: %w", err)
	}
	return strings.ToLower(config.SubscriptionID), nil
}
