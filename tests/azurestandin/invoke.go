package azurestandin

import (
	"context"
	"fmt"
	"maps"
	"slices"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// Invoke answers the functions the component calls, from the resources the offline Azure stand-in (a
// test double) pretends exist: getClientConfig (this provider instance's subscription),
// getVirtualNetwork (with its subnets, what sits in them, and its peerings), getNetworkInterface and
// getWorkspace (workspace.go). A missing resource gets Azure's 404, as azure-native passes it on. Other
// functions are not modelled.
func (s *Server) Invoke(_ context.Context, req *pulumirpc.InvokeRequest) (*pulumirpc.InvokeResponse, error) {
	args, err := unmarshal(req.GetArgs())
	if err != nil {
		return nil, err
	}
	plain := plainMap(args)
	var result map[string]any
	switch NormalizeToken(req.GetTok()) {
	case "azure-native:authorization:getClientConfig":
		sub := s.subscriptionID()
		result = map[string]any{"clientId": SubscriptionID, "objectId": SubscriptionID, "subscriptionId": sub,
			"tenantId": SubscriptionID}
	case "azure-native:network:getVirtualNetwork":
		result, err = s.virtualNetwork(pathString(plain, "resourceGroupName"), pathString(plain, "virtualNetworkName"))
	case "azure-native:network:getNetworkInterface":
		result, err = s.networkInterface(pathString(plain, "resourceGroupName"), pathString(plain, "networkInterfaceName"))
	case "azure-native:machinelearningservices:getWorkspace":
		result, err = s.mlWorkspace(pathString(plain, "resourceGroupName"), pathString(plain, "workspaceName"))
	default:
		return nil, fmt.Errorf("offline Azure stand-in: function %s is not modelled", req.GetTok())
	}
	if err != nil {
		// azure-native reports a failed read as "request failed <id>: <error>".
		return nil, fmt.Errorf("request failed: %w", err)
	}
	ret, err := marshal(resource.NewPropertyMapFromMap(result))
	if err != nil {
		return nil, err
	}
	return &pulumirpc.InvokeResponse{Return: ret}, nil
}

func (s *Server) resourceID(group, armType, name string) string {
	return fmt.Sprintf("/subscriptions/%s/resourceGroups/%s/providers/%s/%s", s.subscriptionID(), group, armType, name)
}

// virtualNetwork returns a network (its location, addressSpace, dhcpOptions and the rest of what it was
// written with) with its subnets, each listing the IP configurations and private endpoints that sit in it,
// and its peerings, the way ARM's GET of a virtual network does, in the instance's subscription.
func (s *Server) virtualNetwork(group, name string) (map[string]any, error) {
	id := s.resourceID(group, armVirtualNetwork, name)
	var out map[string]any
	err := s.store.Update(func(view StoreView) ([]Record, []string, error) {
		vnet, ok, err := view.Get(id)
		if err != nil || !ok {
			if err == nil {
				err = errNotFound(armVirtualNetwork, name, group)
			}
			return nil, nil, err
		}
		out = copyMap(vnet.Properties)
		records, err := view.All()
		if err != nil {
			return nil, nil, err
		}
		var subnets []any
		for _, r := range records {
			if r.Type != armSubnet || !sameID(parentID(r.ID), id) {
				continue
			}
			subnet := copyMap(r.Properties)
			nics, err := nicConfigsIn(view, r.ID)
			if err != nil {
				return nil, nil, err
			}
			var configs, endpoints []any
			for _, nicID := range slices.Sorted(maps.Keys(nics)) { // ARM lists them in a stable order
				for _, c := range nics[nicID] {
					id := pathString(c, "id")
					if id == "" { // an inbound endpoint's IP configurations have no ID of their own
						id = nicID
					}
					configs = append(configs, map[string]any{"id": id})
				}
				if nic, ok, _ := view.Get(nicID); ok {
					if pe := pathString(nic.Properties, "privateEndpoint", "id"); pe != "" {
						endpoints = append(endpoints, map[string]any{"id": pe})
					}
				}
			}
			if configs != nil {
				subnet["ipConfigurations"] = configs
			}
			if endpoints != nil {
				subnet["privateEndpoints"] = endpoints
			}
			subnets = append(subnets, subnet)
		}
		out["subnets"] = subnets
		var peerings []any
		for _, r := range records {
			if r.Type == armPeering && sameID(parentID(r.ID), id) {
				peerings = append(peerings, copyMap(r.Properties))
			}
		}
		if peerings != nil {
			out["virtualNetworkPeerings"] = peerings
		}
		return nil, nil, nil
	})
	return out, err
}

func (s *Server) networkInterface(group, name string) (map[string]any, error) {
	nic, ok, err := s.store.Get(s.resourceID(group, armNetworkInterface, name))
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, errNotFound(armNetworkInterface, name, group)
	}
	return copyMap(nic.Properties), nil
}

func copyMap(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}
