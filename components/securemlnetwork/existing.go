package securemlnetwork

import (
	"fmt"
	"strings"

	network "github.com/pulumi/pulumi-azure-native-sdk/network/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// existingSubnet is a subnet of this component's network as Azure has it now.
type existingSubnet struct {
	prefix string
	inUse  bool // holds network interfaces: private endpoints, compute, gateways
}

// readExistingSubnets reads the component's virtual network, when it already exists, so that a
// subnet keeps the prefix it was created with (0.1.0 carved prefixes differently) and a change Azure
// refuses (moving or deleting a subnet in use) fails the preview. It needs the resource group's name
// at preview; when that is unknown the network is being created with it, and nothing exists yet.
func readExistingSubnets(ctx *pulumi.Context, group checkedString, vnetName string, opts ...pulumi.InvokeOption,
) (map[string]existingSubnet, error) {
	if !group.known {
		return nil, nil
	}
	vnet, err := network.LookupVirtualNetwork(ctx, &network.LookupVirtualNetworkArgs{
		ResourceGroupName: group.value, VirtualNetworkName: vnetName,
	}, opts...)
	if isNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading the existing virtual network %s in resource group %s, to keep its subnets' "+
			"prefixes: %w", vnetName, group.value, err)
	}
	subnets := map[string]existingSubnet{}
	for _, s := range vnet.Subnets {
		if s.Name == nil {
			continue
		}
		e := existingSubnet{inUse: len(s.IpConfigurations) > 0 || len(s.PrivateEndpoints) > 0}
		switch {
		case s.AddressPrefix != nil:
			e.prefix = *s.AddressPrefix
		case len(s.AddressPrefixes) > 0:
			e.prefix = s.AddressPrefixes[0]
		}
		subnets[*s.Name] = e
	}
	return subnets, nil
}

// isNotFound reports whether an invoke failed because the resource, or its resource group, does not
// exist. azure-native passes Azure's answer on as `Status=404 Code="ResourceNotFound" ...`
// (PulumiAzcoreResponseError in provider/pkg/azure/client_azcore.go).
func isNotFound(err error) bool {
	if err == nil {
		return false
	}
	msg := err.Error()
	for _, marker := range []string{"Status=404", `Code="ResourceNotFound"`, `Code="ResourceGroupNotFound"`, `Code="NotFound"`} {
		if strings.Contains(msg, marker) {
			return true
		}
	}
	return false
}
