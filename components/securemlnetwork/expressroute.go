package securemlnetwork

import (
	"github.com/pulumi/pulumi-azure-native-sdk/v2/utilities"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// The ExpressRoute gateway is registered at API 2023-06-01, the first with ErGwScale and its scale
// units. Its azure-native type is registered here by token rather than through the SDK's v20230601
// package: that package holds every network resource at that version, and importing it for this one
// type took 123 s of compile time and added 34 MB to the plugin (make bench-packages). The properties are
// the REST API's; the stand-in and azure-native read them the same way.
const expressRouteGatewayToken = "azure-native:network/v20230601:VirtualNetworkGateway"

// expressRouteGateway is the registered ExpressRoute gateway; only its ID is read.
type expressRouteGateway struct {
	pulumi.CustomResourceState
}

// registerExpressRouteGateway creates the ExpressRoute gateway. It has no public IP of the customer's:
// Azure assigns and manages ExpressRoute gateways' addresses (expressroute-about-virtual-network-
// gateways.md; the AVM modules send none, and Azure no longer returns one for new gateways).
func registerExpressRouteGateway(ctx *pulumi.Context, names childNames, plan networkPlan, in inputValues,
	subnet subnetRef, opts ...pulumi.ResourceOption,
) (*expressRouteGateway, error) {
	er := plan.hybrid.expressRoute
	pulumiName, azureName := names.gateway("expressroute")
	props := pulumi.Map{
		"virtualNetworkGatewayName": pulumi.String(azureName),
		"resourceGroupName":         in.networkGroup,
		"location":                  in.region.out,
		"gatewayType":               pulumi.String("ExpressRoute"),
		"sku":                       pulumi.Map{"name": pulumi.String(string(er.sku)), "tier": pulumi.String(string(er.sku))},
		"ipConfigurations": pulumi.Array{pulumi.Map{
			"name":                      pulumi.String("ipconfig-1"),
			"privateIPAllocationMethod": pulumi.String("Dynamic"),
			"subnet":                    pulumi.Map{"id": subnet.id},
		}},
	}
	if in.tags != nil {
		props["tags"] = in.tags
	}
	if er.sku == ExpressRouteGatewaySkuErGwScale {
		props["autoScaleConfiguration"] = pulumi.Map{"bounds": pulumi.Map{
			"min": pulumi.Int(er.minUnits), "max": pulumi.Int(er.maxUnits),
		}}
	}
	var gw expressRouteGateway
	err := ctx.RegisterResource(expressRouteGatewayToken, pulumiName, props, &gw,
		utilities.PkgResourceDefaultOpts(opts)...)
	return &gw, err
}
