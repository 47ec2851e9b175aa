package securemlnetwork

import (
	"context"
	"reflect"

	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// PrivateEndpointDetails describes one private endpoint the component created.
type PrivateEndpointDetails struct {
	ID                 string   `pulumi:"id"`
	GroupIDs           []string `pulumi:"groupIds"`
	PrivateIPAddresses []string `pulumi:"privateIpAddresses"`
	FQDNs              []string `pulumi:"fqdns"`
}

// Annotate documents the endpoint details for the schema.
func (d *PrivateEndpointDetails) Annotate(an infer.Annotator) {
	an.Describe(&d, "A private endpoint created by SecureMLNetwork.")
	an.Describe(&d.ID, "Azure resource ID of the private endpoint.")
	an.Describe(&d.GroupIDs, "Private endpoint group IDs (sub-resources) it connects to, for example `amlworkspace` or `blob`.")
	an.Describe(&d.PrivateIPAddresses, "Private IP addresses Azure assigned, sorted; useful for custom DNS and firewall rules.")
	an.Describe(&d.FQDNs, "Fully qualified domain names that resolve to those addresses, sorted.")
}

// PrivateEndpointDetailsMapOutput is an output of endpoint details by service key.
type PrivateEndpointDetailsMapOutput struct{ *pulumi.OutputState }

// ElementType tells the Pulumi SDK (and schema inference) what the output holds.
func (PrivateEndpointDetailsMapOutput) ElementType() reflect.Type {
	return reflect.TypeFor[map[string]PrivateEndpointDetails]()
}

// ToPrivateEndpointDetailsMapOutput returns the output itself.
func (o PrivateEndpointDetailsMapOutput) ToPrivateEndpointDetailsMapOutput() PrivateEndpointDetailsMapOutput {
	return o
}

// ToPrivateEndpointDetailsMapOutputWithContext returns the output itself.
func (o PrivateEndpointDetailsMapOutput) ToPrivateEndpointDetailsMapOutputWithContext(context.Context) PrivateEndpointDetailsMapOutput {
	return o
}

func init() {
	pulumi.RegisterOutputType(PrivateEndpointDetailsMapOutput{})
}

var _ infer.Annotated = (*PrivateEndpointDetails)(nil)
