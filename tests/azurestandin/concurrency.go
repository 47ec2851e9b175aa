package azurestandin

import (
	"context"
	"strings"
	"sync"
	"time"
)

// Azure refuses some writes while another write is in flight (deploy-times-and-security-checks.md
// §2.2-2.5). The offline Azure stand-in (a test double) keeps the writes it is simulating and checks
// each new one against them. What azure-native v2.90.0 does with the refusal decides the outcome: a
// refusal its pipeline retries costs the retry delays, one it does not retry fails the operation.
//
// Writes are tracked within one plugin process, that is one provider instance; writes to the same
// network from two provider instances at once are not modelled.

// operation is what one write touches. id keeps the ARM ID as written (for messages and the call
// log); the other fields are lowercased, because ARM compares IDs case-insensitively.
type operation struct {
	id        string // the resource written
	vnet      string // the virtual network whose writes are serialized (network, subnet and peering writes)
	subnet    string // the subnet written, for a subnet write
	nicSubnet string // the subnet a private endpoint's network interface, or a gateway's, Bastion host's or inbound endpoint's IP configurations, join or leave
	endpoint  bool   // the write is a private endpoint's (two endpoints joining one subnet conflict; two gateways do not)
	account   string // the storage account a private endpoint connects to
	gateway   string // the virtual network gateway written, or whose connection is written
	// nicSubnet2 is a second subnet the IP configurations join or leave: a firewall's
	// AzureFirewallManagementSubnet.
	nicSubnet2 string
	// policy is the firewall policy written: by a write of the policy (policyCode
	// FirewallPolicyUpdateNotAllowedWhenUpdatingOrDeleting) or of one of its rule collection groups
	// (FirewallPolicyRuleCollectionGroupUpdateNotAllowedWhenUpdatingOrDeleting).
	policy, policyCode string
	// firewallPolicy is the policy a firewall being written uses.
	firewallPolicy string
}

// scopeOf returns what a create, update or delete of a resource touches. Only creates and deletes of
// private endpoints, virtual network gateways, Bastion hosts, DNS resolver inbound endpoints and firewalls
// add or remove their IP configurations in a subnet; an update (tags) does not. A connection write touches
// its gateway (virtualNetworkGateway1); a rule collection group write its firewall policy; a firewall write
// the policy it uses. A NAT gateway's association is a subnet write (natGateway on the subnet).
func scopeOf(token, op string, rid ResourceID, props map[string]any) operation {
	o := operation{id: rid.ID}
	switch NormalizeToken(token) {
	case tokenVirtualNetwork:
		o.vnet = strings.ToLower(rid.ID)
	case tokenSubnet:
		o.vnet, o.subnet = strings.ToLower(parentID(rid.ID)), strings.ToLower(rid.ID)
	case tokenVirtualNetworkPeering:
		o.vnet = strings.ToLower(parentID(rid.ID))
	case tokenPrivateEndpoint:
		if op == "update" {
			break
		}
		o.nicSubnet, o.endpoint = strings.ToLower(pathString(props, "subnet", "id")), true
		if _, target := endpointConnectionPlain(props); isStorageAccount(target) {
			o.account = strings.ToLower(target)
		}
	case tokenVirtualNetworkGateway, tokenBastionHost, tokenInboundEndpoint, tokenAzureFirewall:
		switch NormalizeToken(token) {
		case tokenVirtualNetworkGateway:
			o.gateway = strings.ToLower(rid.ID)
		case tokenAzureFirewall:
			o.firewallPolicy = strings.ToLower(pathString(props, "firewallPolicy", "id"))
			if op != "update" {
				o.nicSubnet2 = strings.ToLower(pathString(props, "managementIpConfiguration", "subnet", "id"))
			}
		}
		if op != "update" {
			o.nicSubnet = strings.ToLower(firstSubnetOf(props))
		}
	case tokenFirewallPolicy:
		o.policy, o.policyCode = strings.ToLower(rid.ID), "FirewallPolicyUpdateNotAllowedWhenUpdatingOrDeleting"
	case tokenRuleCollectionGroup:
		o.policy, o.policyCode = strings.ToLower(parentID(rid.ID)), "FirewallPolicyRuleCollectionGroupUpdateNotAllowedWhenUpdatingOrDeleting"
	case tokenGatewayConnection:
		o.gateway = strings.ToLower(pathString(props, "virtualNetworkGateway1", "id"))
	}
	return o
}

func isStorageAccount(id string) bool {
	return strings.Contains(strings.ToLower(id), "/providers/microsoft.storage/storageaccounts/")
}

// conflict returns the refusal Azure gives x while y is in flight, or nil.
//
// A gateway, Bastion host or inbound endpoint joining or leaving a subnet is treated like a private
// endpoint's network interface: a subnet or network write meets it (microsoft/AzureTRE #3671, an Azure
// Firewall: "Cannot proceed with operation because resource .../subnets/AzureFirewallSubnet used by
// resource ... is not in Succeeded state ... PutSubnetOperation"; Azure/Enterprise-Scale #1726 as cited
// for gateways, not found in the stored issues). Two gateways joining one GatewaySubnet do not conflict:
// Azure builds a VPN and an ExpressRoute gateway in one GatewaySubnet in parallel (AVM
// terraform-azurerm-avm-ptn-vnetgateway example vnet-with-subnet, no dependency between them;
// ALZ-Bicep hubNetworking.bicep, one unbatched loop; MicrosoftDocs/azure-docs #14960, "no longer any
// restrictions on the order"). Writes of connections on one gateway are serialized: Azure answers the
// second 409 AnotherOperationInProgress ("Azure ER gateways serialize connection operations
// internally", Azure/Azure-Landing-Zones #4134, a virtual hub's ExpressRoute gateway; the same answer to
// a connection write during a shared-key operation, Azure/azure-rest-api-specs #14473), which azure-native
// retries.
//
// Writes to one firewall policy are serialized: a rule collection group (or the policy) written while
// another write to the policy is in flight gets ...UpdateNotAllowedWhenUpdatingOrDeleting, and one written
// while a firewall that uses the policy is written fails with FirewallPolicyUpdateFailed "... faulted
// referenced firewalls" (errPolicyBusy, errPolicyFaultedFirewall); azure-native retries neither. A firewall
// written while its policy is gets 409 AnotherOperationInProgress ("Another operation on this or dependent
// resource is in progress", a firewall write, Azure/azure-spring-apps-landing-zone-accelerator #115), which
// azure-native retries. A firewall's IP configurations join AzureFirewallSubnet (and a Basic firewall's
// AzureFirewallManagementSubnet) like a gateway's (microsoft/AzureTRE #3671 is a firewall). A firewall and
// a gateway built at once in one network are not refused: Azure/Enterprise-Scale #1726 saw a VPN gateway and
// a Basic firewall fail together with an InternalServerError ("two operations are trying to update the same
// resource"), not a Standard firewall, which is not evidence of a general conflict.
func conflict(x, y *operation) *AzureError {
	joins := func(nic, subnet, vnet string) bool {
		return nic != "" && (nic == subnet || (vnet != "" && subnet == "" && vnet == parentID(nic)))
	}
	switch {
	case x.policy != "" && x.policy == y.policy:
		return errPolicyBusy(x.policyCode, x.id, x.policy, y.id)
	case x.policy != "" && x.policy == y.firewallPolicy:
		return errPolicyFaultedFirewall(x.id, x.policy, y.id)
	case x.firewallPolicy != "" && x.firewallPolicy == y.policy:
		return errAnotherOperation(x.id, y.id)
	case x.vnet != "" && x.vnet == y.vnet:
		return errAnotherOperation(x.id, y.id)
	case x.gateway != "" && x.gateway == y.gateway:
		return errAnotherOperation(x.id, y.id)
	case joins(x.nicSubnet, y.subnet, y.vnet):
		return errEndpointSubnetBusy(x.id, x.nicSubnet)
	case joins(x.nicSubnet2, y.subnet, y.vnet):
		return errEndpointSubnetBusy(x.id, x.nicSubnet2)
	case joins(y.nicSubnet, x.subnet, x.vnet):
		return errSubnetBusyWithNIC(y.nicSubnet, y.id)
	case joins(y.nicSubnet2, x.subnet, x.vnet):
		return errSubnetBusyWithNIC(y.nicSubnet2, y.id)
	case x.account != "" && x.account == y.account:
		return errStorageAccountBusy(x.id, x.account)
	case x.endpoint && y.endpoint && x.nicSubnet != "" && x.nicSubnet == y.nicSubnet:
		return errEndpointsInOneSubnet(x.id, x.nicSubnet, y.id)
	}
	return nil
}

// inflight holds the writes being simulated.
type inflight struct {
	mu  sync.Mutex
	ops map[*operation]bool
}

func newInflight() *inflight { return &inflight{ops: map[*operation]bool{}} }

// tryBegin registers op unless an in-flight write refuses it.
func (f *inflight) tryBegin(op *operation) *AzureError {
	f.mu.Lock()
	defer f.mu.Unlock()
	for other := range f.ops {
		if err := conflict(op, other); err != nil {
			return err
		}
	}
	f.ops[op] = true
	return nil
}

func (f *inflight) end(op *operation) {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.ops, op)
}

// azure-native's retry policy (initPipelineOpts in provider/pkg/azure/client_azcore.go): RetryDelay
// 20 s, MaxRetryDelay 120 s, azcore's default of 3 retries, delay (2^try - 1) × RetryDelay (azcore
// calcDelay, without its jitter): 20 s, 60 s, 120 s.
const (
	retryDelay    = 20 * time.Second
	maxRetryDelay = 120 * time.Second
	maxRetries    = 3
)

// RetryDelay is azure-native's wait before retry number try (1-based).
func RetryDelay(try int) time.Duration {
	return min(time.Duration((1<<try)-1)*retryDelay, maxRetryDelay)
}

// begin starts op the way azure-native gets it through: a refusal it retries is waited out with its
// retry delays (scaled like every simulated duration), up to maxRetries; any other refusal, or running
// out of retries, fails. It returns the function that ends the write.
func (s *Server) begin(ctx context.Context, token, urn string, op operation) (func(), error) {
	for try := 0; ; try++ {
		refusal := s.inflight.tryBegin(&op)
		if refusal == nil {
			return func() { s.inflight.end(&op) }, nil
		}
		if !refusal.Retried || try == maxRetries {
			return nil, refusal
		}
		s.recordDetail("retry", token, urn, op.id, refusal.Code)
		delay := time.Duration(float64(RetryDelay(try+1)) * s.opts.TimeScale)
		if err := s.sleep(ctx, delay); err != nil {
			return nil, err
		}
	}
}
